CREATE TABLE "devices" (
	"store_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "devices_store_id_device_id_pk" PRIMARY KEY("store_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "document_series" (
	"store_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"series" text NOT NULL,
	"register_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_series_store_id_document_type_series_pk" PRIMARY KEY("store_id","document_type","series")
);
--> statement-breakpoint
CREATE TABLE "enrolment_codes" (
	"store_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"register_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	CONSTRAINT "enrolment_codes_store_id_code_hash_pk" PRIMARY KEY("store_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"store_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content_hash" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "events_store_id_device_id_seq_pk" PRIMARY KEY("store_id","device_id","seq"),
	CONSTRAINT "events_store_event_id" UNIQUE("store_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"store_id" uuid NOT NULL,
	"payment_id" text NOT NULL,
	"sale_id" uuid NOT NULL,
	"method" text NOT NULL,
	"currency" text NOT NULL,
	"tendered" bigint NOT NULL,
	"change" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"bank" text,
	"reference" text,
	CONSTRAINT "payments_store_id_payment_id_pk" PRIMARY KEY("store_id","payment_id")
);
--> statement-breakpoint
CREATE TABLE "registers" (
	"store_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registers_store_id_register_id_pk" PRIMARY KEY("store_id","register_id"),
	CONSTRAINT "registers_store_id_code_unique" UNIQUE("store_id","code")
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"store_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	CONSTRAINT "review_items_store_id_event_id_pk" PRIMARY KEY("store_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "sale_lines" (
	"store_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_code" text NOT NULL,
	"name" text NOT NULL,
	"quantity" bigint NOT NULL,
	"unit_price" bigint NOT NULL,
	"tax_category" text NOT NULL,
	"tax_kind" text NOT NULL,
	"tax_rate" integer NOT NULL,
	"gross" bigint NOT NULL,
	"discount" bigint NOT NULL,
	"base" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"fixed_tax" bigint NOT NULL,
	"total" bigint NOT NULL,
	"voided" boolean DEFAULT false NOT NULL,
	CONSTRAINT "sale_lines_store_id_sale_id_line_no_pk" PRIMARY KEY("store_id","sale_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "sale_taxes" (
	"store_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"rate" integer NOT NULL,
	"base" bigint NOT NULL,
	"tax" bigint NOT NULL,
	CONSTRAINT "sale_taxes_store_id_sale_id_rate_pk" PRIMARY KEY("store_id","sale_id","rate")
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"store_id" uuid NOT NULL,
	"sale_id" uuid NOT NULL,
	"register_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"series" text NOT NULL,
	"correlative" integer NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"session_id" text NOT NULL,
	"customer_name" text NOT NULL,
	"customer_doc_type" text,
	"customer_doc_number" text,
	"cashier_name" text NOT NULL,
	"sold_at" timestamp with time zone NOT NULL,
	"local_date" text NOT NULL,
	"currency" text NOT NULL,
	"taxable_base" bigint NOT NULL,
	"exempt" bigint NOT NULL,
	"unaffected" bigint NOT NULL,
	"tax" bigint NOT NULL,
	"fixed_tax" bigint NOT NULL,
	"discount" bigint NOT NULL,
	"total" bigint NOT NULL,
	"igtf" bigint NOT NULL,
	"paid" bigint NOT NULL,
	"change" bigint NOT NULL,
	"balance" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_store_id_sale_id_pk" PRIMARY KEY("store_id","sale_id"),
	CONSTRAINT "sales_store_document_number" UNIQUE("store_id","document_type","series","correlative")
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registers" ADD CONSTRAINT "registers_store_id_stores_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("store_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_store_sale" ON "payments" USING btree ("store_id","sale_id");--> statement-breakpoint
CREATE INDEX "review_items_open" ON "review_items" USING btree ("store_id","resolved_at");--> statement-breakpoint
CREATE INDEX "sales_store_local_date" ON "sales" USING btree ("store_id","local_date");