-- Issue 15, announcements (decision 023): the town's broadcast to the citizens who chose a topic.
-- A topic is one of the town's submission agendas, so the clerks of that agenda may announce in it.

CREATE TABLE "announcement" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "topic" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "valid_from" DATE,
    "valid_to" DATE,
    "created_by_staff_id" UUID,
    "state" TEXT NOT NULL DEFAULT 'sending',
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "in_portal" INTEGER NOT NULL DEFAULT 0,
    "emailed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "cursor" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "announcement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "announcement_state" CHECK ("state" IN ('sending', 'sent')),
    CONSTRAINT "announcement_text_present" CHECK (length(btrim("title")) > 0 AND length(btrim("body")) > 0),
    CONSTRAINT "announcement_validity" CHECK ("valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"),
    CONSTRAINT "announcement_counts" CHECK ("processed" >= 0 AND "processed" <= "recipients" AND "in_portal" >= 0 AND "emailed" >= 0 AND "failed" >= 0),
    CONSTRAINT "announcement_created_by_staff_id_fkey" FOREIGN KEY ("created_by_staff_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "announcement_created_at_idx" ON "announcement"("created_at");

-- A citizen's choice to receive a topic's announcements. The token is the one-click unsubscribe
-- link's key (RFC 8058): it can only remove this one subscription, so it is kept as is.
CREATE TABLE "announcement_subscription" (
    "person_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "announcement_subscription_pkey" PRIMARY KEY ("person_id", "topic"),
    CONSTRAINT "announcement_subscription_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "announcement_subscription_token_key" ON "announcement_subscription"("token");
CREATE INDEX "announcement_subscription_topic_person_id_idx" ON "announcement_subscription"("topic", "person_id");
