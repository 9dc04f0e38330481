-- The form builder's working copy: one draft definition per form, edited by town admins without
-- touching the published versions (citizens keep filling the latest published one until the draft
-- is published as the next version). NULL = no draft.
ALTER TABLE "form" ADD COLUMN "draft_definition" JSONB;
ALTER TABLE "form" ADD COLUMN "draft_updated_at" TIMESTAMPTZ(3);
ALTER TABLE "form" ADD COLUMN "draft_updated_by" TEXT;
