-- Fees, claims, payments and bank statements (decision 007). Amounts are integer haléře;
-- bank movement amounts are bigint. Variable symbols come from one sequence per town.

CREATE SEQUENCE "variable_symbol_seq" START 1 MAXVALUE 9999999 NO CYCLE;

CREATE TYPE "DisabilityStatus" AS ENUM ('none', 'ztp', 'ztpp');
CREATE TYPE "ObligationSource" AS ENUM ('clerk', 'import', 'form', 'blueprint');
CREATE TYPE "ClaimStatus" AS ENUM ('open', 'partly_paid', 'paid', 'overpaid', 'cancelled', 'written_off');
CREATE TYPE "ClaimEventKind" AS ENUM ('issued', 'payment', 'refund', 'reminder', 'cancelled', 'written_off', 'manual_match', 'note');
CREATE TYPE "PaymentMethod" AS ENUM ('bank_transfer', 'gopay', 'stripe', 'manual');
CREATE TYPE "PaymentState" AS ENUM ('created', 'pending', 'paid', 'cancelled', 'expired', 'failed', 'refunded', 'partially_refunded');
CREATE TYPE "TransitionSource" AS ENUM ('return', 'notification', 'webhook', 'mop_up', 'clerk', 'bank_statement', 'system');
CREATE TYPE "MovementKind" AS ENUM ('credit', 'debit', 'reversal');
CREATE TYPE "MatchStatus" AS ENUM ('matched', 'unmatched', 'ignored');
CREATE TYPE "ReminderKind" AS ENUM ('before_due', 'after_due');

CREATE TABLE "household" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "label" TEXT NOT NULL,
    "address" TEXT,
    "external_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "household_external_id_key" ON "household"("external_id");

CREATE TABLE "resident" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "date_of_birth" DATE NOT NULL,
    "household_id" UUID,
    "disability" "DisabilityStatus" NOT NULL DEFAULT 'none',
    "external_id" TEXT,
    "person_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "resident_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "resident_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "resident_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "resident_external_id_key" ON "resident"("external_id");
CREATE INDEX "resident_household_id_idx" ON "resident"("household_id");
CREATE INDEX "resident_person_id_idx" ON "resident"("person_id");
CREATE INDEX "resident_family_name_date_of_birth_idx" ON "resident"("family_name", "date_of_birth");

-- A citizen acting for a resident (a parent for a child, a carer for a senior); valid once confirmed.
CREATE TABLE "representation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "resident_id" UUID NOT NULL,
    "relation" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "representation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "representation_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "representation_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "representation_person_id_resident_id_key" ON "representation"("person_id", "resident_id");
CREATE INDEX "representation_resident_id_idx" ON "representation"("resident_id");

CREATE TABLE "obligation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resident_id" UUID NOT NULL,
    "fee_type" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "source" "ObligationSource" NOT NULL,
    "external_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "obligation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "obligation_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "obligation_validity" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from")
);
CREATE UNIQUE INDEX "obligation_external_id_key" ON "obligation"("external_id");
CREATE INDEX "obligation_resident_id_idx" ON "obligation"("resident_id");
CREATE INDEX "obligation_fee_type_valid_from_idx" ON "obligation"("fee_type", "valid_from");

-- The whole rulebook as zod-validated JSON; the newest version issues new claims.
CREATE TABLE "fee_rule_version" (
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "rules_hash" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "fee_rule_version_pkey" PRIMARY KEY ("version"),
    CONSTRAINT "fee_rule_version_positive" CHECK ("version" > 0)
);

CREATE TABLE "claim" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resident_id" UUID NOT NULL,
    "obligation_id" UUID,
    "fee_type" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "instalment" INTEGER NOT NULL DEFAULT 1,
    "label" JSONB NOT NULL,
    "base_amount" INTEGER NOT NULL,
    "relief_amount" INTEGER NOT NULL DEFAULT 0,
    "relief_code" TEXT,
    "amount" INTEGER NOT NULL,
    "discount_percent" INTEGER NOT NULL DEFAULT 0,
    "discount_amount" INTEGER NOT NULL DEFAULT 0,
    "discount_until" DATE,
    "due_date" DATE NOT NULL,
    "variable_symbol" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'open',
    "paid_amount" INTEGER NOT NULL DEFAULT 0,
    "discount_granted" INTEGER NOT NULL DEFAULT 0,
    "rule_version" INTEGER,
    "generation_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claim_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "claim_resident_id_fkey" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "claim_obligation_id_fkey" FOREIGN KEY ("obligation_id") REFERENCES "obligation"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "claim_rule_version_fkey" FOREIGN KEY ("rule_version") REFERENCES "fee_rule_version"("version") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "claim_amounts" CHECK ("base_amount" >= 0 AND "relief_amount" >= 0 AND "relief_amount" <= "base_amount" AND "amount" = "base_amount" - "relief_amount"),
    CONSTRAINT "claim_discount" CHECK ("discount_percent" BETWEEN 0 AND 100 AND "discount_amount" >= 0 AND "discount_amount" <= "amount"),
    CONSTRAINT "claim_paid" CHECK ("paid_amount" >= 0 AND "discount_granted" >= 0 AND "discount_granted" <= "discount_amount"),
    CONSTRAINT "claim_variable_symbol_format" CHECK ("variable_symbol" ~ '^[0-9]{10}$'),
    CONSTRAINT "claim_instalment_positive" CHECK ("instalment" > 0)
);
CREATE UNIQUE INDEX "claim_variable_symbol_key" ON "claim"("variable_symbol");
CREATE UNIQUE INDEX "claim_generation_key_key" ON "claim"("generation_key");
CREATE INDEX "claim_resident_id_due_date_idx" ON "claim"("resident_id", "due_date");
CREATE INDEX "claim_status_due_date_idx" ON "claim"("status", "due_date");
CREATE INDEX "claim_obligation_id_idx" ON "claim"("obligation_id");

CREATE TABLE "claim_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "kind" "ClaimEventKind" NOT NULL,
    "amount" INTEGER,
    "payment_id" UUID,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "actor" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claim_event_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "claim_event_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "claim_event_claim_id_at_idx" ON "claim_event"("claim_id", "at");

CREATE TABLE "payment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "method" "PaymentMethod" NOT NULL,
    "state" "PaymentState" NOT NULL DEFAULT 'created',
    "amount" INTEGER NOT NULL,
    "variable_symbol" TEXT,
    "provider_payment_id" TEXT,
    "person_id" UUID,
    "discount_until" DATE,
    "paid_amount" INTEGER NOT NULL DEFAULT 0,
    "refunded_amount" INTEGER NOT NULL DEFAULT 0,
    "overpaid_amount" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT,
    "paid_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "payment_amounts" CHECK ("amount" >= 0 AND "paid_amount" >= 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "paid_amount" AND "overpaid_amount" >= 0),
    CONSTRAINT "payment_variable_symbol_format" CHECK ("variable_symbol" IS NULL OR "variable_symbol" ~ '^[0-9]{10}$')
);
CREATE UNIQUE INDEX "payment_variable_symbol_key" ON "payment"("variable_symbol");
CREATE UNIQUE INDEX "payment_method_provider_payment_id_key" ON "payment"("method", "provider_payment_id");
CREATE INDEX "payment_person_id_idx" ON "payment"("person_id");
CREATE INDEX "payment_state_idx" ON "payment"("state");

CREATE TABLE "payment_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "payment_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payment_item_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_item_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "payment_item_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "payment_item_amounts" CHECK ("amount" >= 0 AND "discount" >= 0)
);
CREATE UNIQUE INDEX "payment_item_payment_id_claim_id_key" ON "payment_item"("payment_id", "claim_id");
CREATE INDEX "payment_item_claim_id_idx" ON "payment_item"("claim_id");

CREATE TABLE "payment_transition" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "payment_id" UUID NOT NULL,
    "from_state" "PaymentState",
    "to_state" "PaymentState" NOT NULL,
    "source" "TransitionSource" NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payment_transition_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_transition_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "payment_transition_payment_id_at_idx" ON "payment_transition"("payment_id", "at");

CREATE TABLE "bank_statement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "format" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "account" TEXT,
    "period_from" DATE,
    "period_to" DATE,
    "imported_by" TEXT,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "bank_statement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bank_statement_format" CHECK ("format" IN ('gpc', 'camt053', 'fio_json')),
    CONSTRAINT "bank_statement_progress" CHECK ("progress" BETWEEN 0 AND 100)
);
CREATE INDEX "bank_statement_sha256_idx" ON "bank_statement"("sha256");

CREATE TABLE "bank_movement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "statement_id" UUID,
    "movement_key" TEXT NOT NULL,
    "booking_date" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CZK',
    "variable_symbol" TEXT,
    "specific_symbol" TEXT,
    "constant_symbol" TEXT,
    "counter_account" TEXT,
    "counter_name" TEXT,
    "message" TEXT,
    "kind" "MovementKind" NOT NULL,
    "match_status" "MatchStatus" NOT NULL DEFAULT 'unmatched',
    "payment_id" UUID,
    "note" TEXT,
    "matched_by" TEXT,
    "matched_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "bank_movement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bank_movement_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "bank_statement"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "bank_movement_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "bank_movement_amount_positive" CHECK ("amount" > 0)
);
CREATE UNIQUE INDEX "bank_movement_movement_key_key" ON "bank_movement"("movement_key");
CREATE INDEX "bank_movement_variable_symbol_idx" ON "bank_movement"("variable_symbol");
CREATE INDEX "bank_movement_match_status_booking_date_idx" ON "bank_movement"("match_status", "booking_date");
CREATE INDEX "bank_movement_statement_id_idx" ON "bank_movement"("statement_id");

-- Reminders sent, so a reminder goes out once per claim, kind and day offset.
CREATE TABLE "reminder" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "days" INTEGER NOT NULL,
    "email" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reminder_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reminder_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "reminder_days" CHECK ("days" >= 0)
);
CREATE UNIQUE INDEX "reminder_claim_id_kind_days_key" ON "reminder"("claim_id", "kind", "days");
