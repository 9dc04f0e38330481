-- Town statistics (issue 17, decision 017): monthly summary rows recomputed by the
-- refresh-statistics job from the town's own tables, so /urad/statistiky reads a few hundred rows
-- whatever the size of the town. Months are calendar months in Europe/Prague (first day stored).
CREATE TABLE "statistic_month" (
    "figure" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "dimension" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '',
    "count" BIGINT NOT NULL DEFAULT 0,
    "amount" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "statistic_month_pkey" PRIMARY KEY ("figure", "month", "dimension", "detail"),
    CONSTRAINT "statistic_month_first_day" CHECK (EXTRACT(DAY FROM "month") = 1)
);

-- One row: the state of the last refresh (the page shows when the figures were computed).
CREATE TABLE "statistic_refresh" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'idle',
    "step" INTEGER NOT NULL DEFAULT 0,
    "steps" INTEGER NOT NULL DEFAULT 0,
    "requested_by" TEXT,
    "requested_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "refreshed_at" TIMESTAMPTZ(3),
    "error" TEXT,
    CONSTRAINT "statistic_refresh_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "statistic_refresh_one_row" CHECK ("id" = 1),
    CONSTRAINT "statistic_refresh_status" CHECK ("status" IN ('idle', 'queued', 'running', 'done', 'failed'))
);

-- Which figures the town publishes on /statistiky (the admin changes it; audited).
ALTER TABLE "town_settings" ADD COLUMN "published_statistics" TEXT[] DEFAULT ARRAY['users', 'submissions', 'payments_share']::TEXT[];
