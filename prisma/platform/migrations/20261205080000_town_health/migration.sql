-- Town health for the vendor console (issue 18, decision 024): one summary row per town, refreshed
-- by the refresh-town-health job, so the console reads one table however many towns there are;
-- a sample per refresh for the town's detail page over time (kept 14 days); vendor API tokens.

CREATE TABLE "town_health" (
    "tenant_id" UUID NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,
    "level" TEXT NOT NULL,
    "problems" INTEGER NOT NULL DEFAULT 0,
    "figures" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    CONSTRAINT "town_health_pkey" PRIMARY KEY ("tenant_id"),
    CONSTRAINT "town_health_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "town_health_level" CHECK ("level" IN ('green', 'amber', 'red'))
);
CREATE INDEX "town_health_level_problems_idx" ON "town_health"("level", "problems");

CREATE TABLE "town_health_sample" (
    "tenant_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "level" TEXT NOT NULL,
    "figures" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "town_health_sample_pkey" PRIMARY KEY ("tenant_id", "at"),
    CONSTRAINT "town_health_sample_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "town_health_sample_level" CHECK ("level" IN ('green', 'amber', 'red'))
);

-- Tokens for GET /platform/health.json: only the sha256 is kept; revoked ones stay for the record.
CREATE TABLE "vendor_token" (
    "id" UUID NOT NULL,
    "vendor_staff_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "vendor_token_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "vendor_token_vendor_staff_id_fkey" FOREIGN KEY ("vendor_staff_id") REFERENCES "vendor_staff"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "vendor_token_token_hash_key" ON "vendor_token"("token_hash");
CREATE INDEX "vendor_token_vendor_staff_id_idx" ON "vendor_token"("vendor_staff_id");
