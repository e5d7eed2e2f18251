DROP INDEX `sale_lines_report_by_product`;--> statement-breakpoint
DROP INDEX `sale_lines_report_by_date`;--> statement-breakpoint
CREATE INDEX `sale_lines_report_by_date` ON `sale_lines` (`local_date`,`id`,`product_id`,`category_id`,`quantity`,`total`,`base`,`cost_total`) WHERE "sale_lines"."voided" = 0;--> statement-breakpoint
DROP INDEX `products_low_stock`;--> statement-breakpoint
CREATE INDEX `products_code_nocase` ON `products` ("code" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `products_name_nocase` ON `products` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `products_low_stock` ON `products` (`name`) WHERE "products"."track_stock" = 1 AND "products"."stock" <= "products"."min_stock";