-- Issue 15, the SMS channel: a town's SMS provider credential (encrypted like the card gateways'),
-- every text the portal sends with its delivery state, the citizen's confirmed phone number for SMS
-- and the pending confirmation code, and the SMS counts of an announcement.

CREATE TABLE "sms_credential" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'added',
    "masked_hint" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),
    CONSTRAINT "sms_credential_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sms_credential_provider" CHECK ("provider" IN ('smsbrana')),
    CONSTRAINT "sms_credential_status" CHECK ("status" IN ('added', 'active', 'retired'))
);
CREATE INDEX "sms_credential_provider_created_at_idx" ON "sms_credential"("provider", "created_at");
-- At most one active credential per provider.
CREATE UNIQUE INDEX "sms_credential_one_active" ON "sms_credential"("provider") WHERE "status" = 'active';

-- One text to one number. state: queued -> sent | failed (sms-states.ts). The text stored is the one
-- sent (transliterated and limited); the provider's id and the number of parts are kept.
CREATE TABLE "sms_message" (
    "id" UUID NOT NULL,
    "person_id" UUID,
    "phone" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "announcement_id" UUID,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "provider" TEXT,
    "provider_message_id" TEXT,
    "parts" INTEGER,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "sms_message_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sms_message_state" CHECK ("state" IN ('queued', 'sent', 'failed')),
    CONSTRAINT "sms_message_purpose" CHECK ("purpose" IN ('phone_code', 'notification', 'announcement')),
    CONSTRAINT "sms_message_finished" CHECK (("state" = 'queued') = ("finished_at" IS NULL)),
    CONSTRAINT "sms_message_phone_e164" CHECK ("phone" ~ '^\+[1-9][0-9]{6,14}$'),
    CONSTRAINT "sms_message_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "sms_message_announcement_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "announcement"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "sms_message_person_id_idx" ON "sms_message"("person_id");
CREATE INDEX "sms_message_announcement_id_idx" ON "sms_message"("announcement_id");

-- The number texts go to: set only by a confirmed code (confirm-phone.server.ts).
ALTER TABLE "person" ADD COLUMN "sms_phone" TEXT;
ALTER TABLE "person" ADD COLUMN "sms_phone_confirmed_at" TIMESTAMPTZ(3);
ALTER TABLE "person" ADD CONSTRAINT "person_sms_phone_confirmed" CHECK (("sms_phone" IS NULL) = ("sms_phone_confirmed_at" IS NULL));

-- The one pending confirmation per person: the code is stored hashed, expires, and allows a few tries.
CREATE TABLE "phone_confirmation" (
    "person_id" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "phone_confirmation_pkey" PRIMARY KEY ("person_id"),
    CONSTRAINT "phone_confirmation_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

ALTER TABLE "announcement" ADD COLUMN "texted" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "announcement_delivery" ADD COLUMN "sms_message_id" UUID;
