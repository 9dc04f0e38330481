-- Card payments (issue 5, decision 007): an inbox of gateway notifications and webhooks so that a
-- duplicate or replay changes nothing, the town's gateway credentials (encrypted at rest, with
-- history), and refunds made by clerks.
CREATE TABLE "payment_inbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider" TEXT NOT NULL,
    "event_key" TEXT NOT NULL,
    "payment_id" UUID,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "outcome" TEXT,
    CONSTRAINT "payment_inbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_inbox_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "payment_inbox_provider" CHECK ("provider" IN ('gopay', 'stripe'))
);
CREATE UNIQUE INDEX "payment_inbox_provider_event_key_key" ON "payment_inbox"("provider", "event_key");
CREATE INDEX "payment_inbox_payment_id_idx" ON "payment_inbox"("payment_id");

CREATE TABLE "gateway_credential" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'added',
    "masked_hint" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),
    CONSTRAINT "gateway_credential_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "gateway_credential_provider" CHECK ("provider" IN ('gopay', 'stripe')),
    CONSTRAINT "gateway_credential_status" CHECK ("status" IN ('added', 'active', 'retired'))
);
-- At most one active credential per provider.
CREATE UNIQUE INDEX "gateway_credential_one_active" ON "gateway_credential"("provider") WHERE "status" = 'active';
CREATE INDEX "gateway_credential_provider_created_at_idx" ON "gateway_credential"("provider", "created_at");

CREATE TABLE "refund" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "payment_id" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "provider_refund_id" TEXT,
    "state" TEXT NOT NULL DEFAULT 'requested',
    "actor" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "refund_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "refund_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "refund_amount_positive" CHECK ("amount" > 0),
    CONSTRAINT "refund_reason_present" CHECK (length(btrim("reason")) > 0),
    CONSTRAINT "refund_state" CHECK ("state" IN ('requested', 'succeeded', 'failed'))
);
CREATE INDEX "refund_payment_id_idx" ON "refund"("payment_id");
CREATE INDEX "payment_created_at_idx" ON "payment"("created_at");
