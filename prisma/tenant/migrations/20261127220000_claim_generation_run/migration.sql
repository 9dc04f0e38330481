-- A "generate claims for year" request from the office: the pg-boss job writes its progress here so
-- the page can show it (and a second request while one is running is refused).
CREATE TABLE "claim_generation_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "year" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER,
    "existing" INTEGER,
    "rule_version" INTEGER,
    "error" TEXT,
    "requested_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "claim_generation_run_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "claim_generation_run_status" CHECK ("status" IN ('queued', 'running', 'done', 'failed'))
);
CREATE INDEX "claim_generation_run_created_at_idx" ON "claim_generation_run"("created_at");
