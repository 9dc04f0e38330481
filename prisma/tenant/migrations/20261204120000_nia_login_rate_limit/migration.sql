-- Per-client request counters (issue 11 item 12): one row per (what is limited, client, time window),
-- shared by every app process. The anonymous NIA login writes a saml_request row per request, so it is
-- counted here first. Rows are deleted once their window has passed.
CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "rate_limit_expires_at_idx" ON "rate_limit"("expires_at");
