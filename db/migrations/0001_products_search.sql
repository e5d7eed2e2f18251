-- Full-text search over product code and name (SQLite FTS5), kept in step with
-- `products` by triggers. drizzle-kit does not model virtual tables, hence a
-- hand-written migration. Diacritics are folded so "cafe" finds "Café".
CREATE VIRTUAL TABLE `products_fts` USING fts5(
	code,
	name,
	content='products',
	content_rowid='id',
	tokenize='unicode61 remove_diacritics 2',
	prefix='2 3 4'
);
--> statement-breakpoint
INSERT INTO `products_fts`(rowid, code, name) SELECT id, code, name FROM `products`;
--> statement-breakpoint
CREATE TRIGGER `products_fts_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO `products_fts`(rowid, code, name) VALUES (new.id, new.code, new.name);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_delete` AFTER DELETE ON `products` BEGIN
	INSERT INTO `products_fts`(`products_fts`, rowid, code, name) VALUES ('delete', old.id, old.code, old.name);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_update` AFTER UPDATE OF code, name ON `products` BEGIN
	INSERT INTO `products_fts`(`products_fts`, rowid, code, name) VALUES ('delete', old.id, old.code, old.name);
	INSERT INTO `products_fts`(rowid, code, name) VALUES (new.id, new.code, new.name);
END;
