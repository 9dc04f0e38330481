-- Platform schema: towns, host names, vendor staff, platform audit.
-- Runs with search_path set to the platform schema; names stay unqualified.

CREATE TYPE "TenantStatus" AS ENUM ('active', 'suspended');

CREATE TABLE "tenant" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "TenantStatus" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tenant_slug_format" CHECK ("slug" ~ '^[a-z][a-z0-9-]{1,40}$')
);
CREATE UNIQUE INDEX "tenant_slug_key" ON "tenant"("slug");

CREATE TABLE "tenant_host" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "host" TEXT NOT NULL,
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_host_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tenant_host_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "tenant_host_host_key" ON "tenant_host"("host");
CREATE INDEX "tenant_host_tenant_id_idx" ON "tenant_host"("tenant_id");
-- At most one primary host per town (a partial index Prisma cannot express; the drift test knows it).
CREATE UNIQUE INDEX "tenant_host_one_primary" ON "tenant_host"("tenant_id") WHERE "is_primary";

CREATE TABLE "vendor_staff" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "vendor_staff_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "vendor_staff_email_key" ON "vendor_staff"("email");

CREATE TABLE "platform_audit" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "tenant_id" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "platform_audit_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "platform_audit_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "platform_audit_tenant_id_at_idx" ON "platform_audit"("tenant_id", "at");
