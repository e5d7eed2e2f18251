CREATE TABLE "admin_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cash_movements" (
	"store_id" uuid NOT NULL,
	"movement_id" text NOT NULL,
	"session_id" text NOT NULL,
	"direction" text NOT NULL,
	"type" text NOT NULL,
	"amount" bigint NOT NULL,
	"description" text NOT NULL,
	"moved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cash_movements_store_id_movement_id_pk" PRIMARY KEY("store_id","movement_id")
);
--> statement-breakpoint
CREATE TABLE "cash_sessions" (
	"store_id" uuid NOT NULL,
	"session_id" text NOT NULL,
	"register_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"number" integer,
	"status" text NOT NULL,
	"opening_float" bigint NOT NULL,
	"opened_by" text,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"expected_cash" bigint,
	"counted_cash" bigint,
	"difference" bigint,
	"z_report" jsonb,
	CONSTRAINT "cash_sessions_store_id_session_id_pk" PRIMARY KEY("store_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"store_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_store_id_name_pk" PRIMARY KEY("store_id","name")
);
--> statement-breakpoint
CREATE TABLE "change_counters" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"epoch" uuid NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"pruned_through" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"store_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"op" text NOT NULL,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_log_store_id_seq_pk" PRIMARY KEY("store_id","seq")
);
--> statement-breakpoint
CREATE TABLE "device_products" (
	"store_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"local_id" integer NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "device_products_store_id_device_id_local_id_pk" PRIMARY KEY("store_id","device_id","local_id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"store_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"sold_by" text DEFAULT 'unit' NOT NULL,
	"price" bigint NOT NULL,
	"cost" bigint DEFAULT 0 NOT NULL,
	"tax_category" text NOT NULL,
	"track_stock" boolean DEFAULT true NOT NULL,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"min_stock" bigint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"barcodes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_store_id_code_pk" PRIMARY KEY("store_id","code")
);
--> statement-breakpoint
CREATE TABLE "sale_return_lines" (
	"store_id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_code" text NOT NULL,
	"name" text NOT NULL,
	"quantity" bigint NOT NULL,
	"unit_price" bigint NOT NULL,
	"tax_rate" integer NOT NULL,
	"base" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"fixed_tax" bigint NOT NULL,
	"total" bigint NOT NULL,
	CONSTRAINT "sale_return_lines_store_id_return_id_line_no_pk" PRIMARY KEY("store_id","return_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "sale_returns" (
	"store_id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"number" text NOT NULL,
	"reason" text NOT NULL,
	"refund_method" text NOT NULL,
	"taxable_base" bigint NOT NULL,
	"exempt" bigint NOT NULL,
	"unaffected" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"fixed_tax" bigint NOT NULL,
	"total" bigint NOT NULL,
	"balance_reduced" bigint NOT NULL,
	"refunded" bigint NOT NULL,
	"returned_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sale_returns_store_id_return_id_pk" PRIMARY KEY("store_id","return_id"),
	CONSTRAINT "sale_returns_store_document_number" UNIQUE("store_id","document_type","number")
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"store_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"product_code" text NOT NULL,
	"quantity" bigint NOT NULL,
	"kind" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"sale_id" uuid,
	"register_id" uuid,
	"device_id" uuid,
	"event_id" uuid,
	"moved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_movements_store_id_movement_id_pk" PRIMARY KEY("store_id","movement_id")
);
--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "refunded" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "sales" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "time_zone" text DEFAULT 'America/Lima' NOT NULL;--> statement-breakpoint
CREATE INDEX "cash_movements_store_session" ON "cash_movements" USING btree ("store_id","session_id");--> statement-breakpoint
CREATE INDEX "change_log_store_entity_key" ON "change_log" USING btree ("store_id","entity","key");--> statement-breakpoint
CREATE INDEX "sale_returns_store_sale" ON "sale_returns" USING btree ("store_id","sale_id");--> statement-breakpoint
CREATE INDEX "stock_movements_store_product" ON "stock_movements" USING btree ("store_id","product_code");--> statement-breakpoint
CREATE INDEX "stock_movements_store_sale" ON "stock_movements" USING btree ("store_id","sale_id");