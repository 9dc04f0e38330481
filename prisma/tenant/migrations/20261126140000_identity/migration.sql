-- Identity and access: citizens from NIA, staff accounts, sessions, SAML request ids, login attempts,
-- NIA settings, and an append-only audit log.

ALTER TABLE "person"
    ADD COLUMN "date_of_birth" DATE,
    ADD COLUMN "address" JSONB,
    ADD COLUMN "address_ids" JSONB,
    ADD COLUMN "municipality_code" TEXT,
    ADD COLUMN "is_resident" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "phone" TEXT,
    ADD COLUMN "notification_email" TEXT,
    ADD COLUMN "notify_by_email" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "preferred_locale" TEXT,
    ADD COLUMN "level_of_assurance" TEXT,
    ADD COLUMN "last_login_at" TIMESTAMPTZ(3),
    ADD COLUMN "closed_at" TIMESTAMPTZ(3),
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

CREATE TYPE "StaffRole" AS ENUM ('clerk', 'admin', 'auditor');
CREATE TYPE "Agenda" AS ENUM ('submissions', 'payments', 'grants');

CREATE TABLE "staff_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" "StaffRole"[],
    "agendas" "Agenda"[],
    "password_hash" TEXT,
    "totp_secret" TEXT,
    "totp_enabled_at" TIMESTAMPTZ(3),
    "recovery_codes" JSONB NOT NULL DEFAULT '[]',
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_user_email_lower" CHECK ("email" = lower("email"))
);
CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user"("email");

CREATE TYPE "StaffTokenKind" AS ENUM ('invitation', 'password_reset');

CREATE TABLE "staff_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "staff_user_id" UUID NOT NULL,
    "kind" "StaffTokenKind" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_token_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_token_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "staff_token_token_hash_key" ON "staff_token"("token_hash");
CREATE INDEX "staff_token_staff_user_id_idx" ON "staff_token"("staff_user_id");

CREATE TYPE "SessionKind" AS ENUM ('citizen', 'staff');

-- The cookie carries an opaque random id; only its sha256 is stored.
CREATE TABLE "session" (
    "id_hash" TEXT NOT NULL,
    "kind" "SessionKind" NOT NULL,
    "person_id" UUID,
    "staff_user_id" UUID,
    "second_factor_done" BOOLEAN NOT NULL DEFAULT false,
    "nia_name_id" TEXT,
    "nia_session_index" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    CONSTRAINT "session_pkey" PRIMARY KEY ("id_hash"),
    CONSTRAINT "session_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "session_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "session_one_subject" CHECK (("kind" = 'citizen' AND "person_id" IS NOT NULL AND "staff_user_id" IS NULL) OR ("kind" = 'staff' AND "staff_user_id" IS NOT NULL AND "person_id" IS NULL))
);
CREATE INDEX "session_person_id_idx" ON "session"("person_id");
CREATE INDEX "session_staff_user_id_idx" ON "session"("staff_user_id");
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- AuthnRequest ids we issued: InResponseTo must match one, once, before it expires.
CREATE TABLE "saml_request" (
    "id" TEXT NOT NULL,
    "return_to" TEXT NOT NULL DEFAULT '/',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "saml_request_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "saml_request_expires_at_idx" ON "saml_request"("expires_at");

-- Failed and successful sign-ins, for lockout and per-IP rate limits.
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

-- NIA (SAML) settings of this town, one row. Private keys are stored encrypted (app/modules/secrets).
CREATE TABLE "nia_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "sp_issuer" TEXT NOT NULL,
    "acs_url" TEXT NOT NULL,
    "logout_return_url" TEXT NOT NULL,
    "sp_private_key" TEXT NOT NULL,
    "sp_certificate" TEXT NOT NULL,
    "idp_metadata_url" TEXT,
    "idp_metadata_xml" TEXT,
    "idp_entity_id" TEXT,
    "idp_sso_url" TEXT,
    "idp_slo_url" TEXT,
    "idp_certificates" TEXT[],
    "idp_metadata_fetched_at" TIMESTAMPTZ(3),
    "minimum_loa" TEXT NOT NULL DEFAULT 'substantial',
    "municipality_code" TEXT,
    "session_idle_minutes" INTEGER NOT NULL DEFAULT 20,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "nia_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "nia_settings_single_row" CHECK ("id" = 1),
    CONSTRAINT "nia_settings_loa" CHECK ("minimum_loa" IN ('substantial', 'high'))
);

-- Audit log: who did what. Staff actors get their own column; outcome says allowed/denied/failed.
ALTER TABLE "audit_log"
    ADD COLUMN "staff_id" UUID,
    ADD COLUMN "outcome" TEXT NOT NULL DEFAULT 'ok',
    ADD COLUMN "ip" TEXT,
    ADD COLUMN "request_id" TEXT;
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- Append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
