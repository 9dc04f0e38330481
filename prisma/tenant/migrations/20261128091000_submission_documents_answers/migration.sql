-- Documents the office attaches when it resolves or rejects a submission live beside the citizen's
-- attachments, told apart by origin; event_id ties a file to the timeline entry it came with (the
-- clerk's decision, or the citizen's answer to a needs-info request).
ALTER TABLE "submission_attachment" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'citizen';
ALTER TABLE "submission_attachment" ADD COLUMN "event_id" BIGINT;
ALTER TABLE "submission_attachment" ADD CONSTRAINT "submission_attachment_origin_known" CHECK ("origin" IN ('citizen', 'office'));
ALTER TABLE "submission_attachment" ADD CONSTRAINT "submission_attachment_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "submission_event"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "submission_attachment_event_id_idx" ON "submission_attachment"("event_id");

-- The citizen's answers to a needs-info request travel to the records system through their own
-- outbox, written in the same transaction as the answer; the answer event's id is the idempotency key.
CREATE TABLE "answer_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "submission_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "external_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "answer_outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "answer_outbox_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "answer_outbox_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "submission_event"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "answer_outbox_event_id_key" ON "answer_outbox"("event_id");
CREATE INDEX "answer_outbox_state_next_attempt_at_idx" ON "answer_outbox"("state", "next_attempt_at");
CREATE INDEX "answer_outbox_submission_id_idx" ON "answer_outbox"("submission_id");
