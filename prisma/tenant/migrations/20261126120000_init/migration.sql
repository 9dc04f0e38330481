-- A town's schema. Runs with search_path set to tenant_<slug>; names stay unqualified so the
-- same file creates every town.

CREATE TABLE "town_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" JSONB NOT NULL,
    "intro" JSONB NOT NULL DEFAULT '{}',
    "default_locale" TEXT NOT NULL,
    "enabled_locales" TEXT[],
    "theme_preset" TEXT NOT NULL,
    "theme_overrides" JSONB NOT NULL DEFAULT '{}',
    "contact" JSONB NOT NULL DEFAULT '{}',
    "iban" TEXT,
    "logo" BYTEA,
    "logo_type" TEXT,
    "fees" JSONB NOT NULL DEFAULT '{}',
    "forms" JSONB NOT NULL DEFAULT '[]',
    "gateways" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "town_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "town_settings_single_row" CHECK ("id" = 1)
);

CREATE TABLE "person" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_identifier" TEXT,
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "person_person_identifier_key" ON "person"("person_identifier");

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log"("actor_id");
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");
