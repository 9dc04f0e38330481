-- Vendor staff sign-in (password + mandatory TOTP) and their sessions.

ALTER TABLE "vendor_staff"
    ADD COLUMN "password_hash" TEXT,
    ADD COLUMN "totp_secret" TEXT,
    ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3),
    ADD COLUMN "recovery_codes" JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN "failed_logins" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "locked_until" TIMESTAMPTZ(3),
    ADD COLUMN "disabled_at" TIMESTAMPTZ(3);

CREATE TABLE "vendor_session" (
    "id_hash" TEXT NOT NULL,
    "vendor_staff_id" UUID NOT NULL,
    "second_factor_done" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    CONSTRAINT "vendor_session_pkey" PRIMARY KEY ("id_hash"),
    CONSTRAINT "vendor_session_vendor_staff_id_fkey" FOREIGN KEY ("vendor_staff_id") REFERENCES "vendor_staff"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "vendor_session_vendor_staff_id_idx" ON "vendor_session"("vendor_staff_id");

CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "identifier" TEXT NOT NULL,
    "ip" TEXT,
    "success" BOOLEAN NOT NULL,
    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "login_attempt_identifier_at_idx" ON "login_attempt"("identifier", "at");
CREATE INDEX "login_attempt_ip_at_idx" ON "login_attempt"("ip", "at");
