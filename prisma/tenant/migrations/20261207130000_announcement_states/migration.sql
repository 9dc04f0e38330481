-- Issue 15, announcements (decision 023 amended): an explicit sending lifecycle
-- (queued -> sending -> sent | failed, and failed -> sending when the office resumes), one
-- transition function (app/modules/announcements/announcement-states.ts) that logs every change in
-- announcement_transition, and a record per recipient, written in the same transaction as the page
-- that claims them, so a retried page skips whoever it already reached.

ALTER TABLE "announcement" DROP CONSTRAINT "announcement_state";
ALTER TABLE "announcement" ALTER COLUMN "state" SET DEFAULT 'queued';
ALTER TABLE "announcement" ADD COLUMN "failure" TEXT;
-- Earlier announcements that were still going out keep "sending"; nothing else needs moving.
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_state" CHECK ("state" IN ('queued', 'sending', 'sent', 'failed'));
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_finished" CHECK (("state" IN ('sent', 'failed')) = ("finished_at" IS NOT NULL));
ALTER TABLE "announcement" ADD CONSTRAINT "announcement_failure" CHECK (("state" = 'failed') = ("failure" IS NOT NULL));

CREATE TABLE "announcement_transition" (
    "id" BIGSERIAL NOT NULL,
    "announcement_id" UUID NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "announcement_transition_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "announcement_transition_states" CHECK ("to_state" IN ('queued', 'sending', 'sent', 'failed') AND ("from_state" IS NULL OR "from_state" IN ('queued', 'sending', 'sent', 'failed'))),
    CONSTRAINT "announcement_transition_announcement_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "announcement_transition_announcement_id_idx" ON "announcement_transition"("announcement_id");

-- What one recipient got: the portal notice, the e-mail job (its pg-boss id, queued in the same
-- transaction), or nothing (skipped: no channel chosen, closed account) or failed (the mail was refused
-- before queueing, e.g. an invalid address). The primary key is the claim: a page retried after it
-- committed inserts nothing for these people and sends them nothing.
CREATE TABLE "announcement_delivery" (
    "announcement_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "in_portal" BOOLEAN NOT NULL DEFAULT false,
    "email_job_id" UUID,
    "outcome" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "announcement_delivery_pkey" PRIMARY KEY ("announcement_id", "person_id"),
    CONSTRAINT "announcement_delivery_outcome" CHECK ("outcome" IN ('sent', 'skipped', 'failed')),
    CONSTRAINT "announcement_delivery_sent_somewhere" CHECK (("outcome" = 'sent') = ("in_portal" OR "email_job_id" IS NOT NULL)),
    CONSTRAINT "announcement_delivery_announcement_id_fkey" FOREIGN KEY ("announcement_id") REFERENCES "announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "announcement_delivery_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "announcement_delivery_person_id_idx" ON "announcement_delivery"("person_id");
