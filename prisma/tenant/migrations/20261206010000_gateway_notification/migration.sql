-- One name per concept (issue 12): "inbox" is the clerk's inbox of submissions. The table where every
-- card gateway notification or webhook lands first (deduplicated by provider and event key) is the
-- gateway notification log. Renamed with its constraints and indexes; no data changes.
ALTER TABLE "payment_inbox" RENAME TO "gateway_notification";
ALTER TABLE "gateway_notification" RENAME CONSTRAINT "payment_inbox_pkey" TO "gateway_notification_pkey";
ALTER TABLE "gateway_notification" RENAME CONSTRAINT "payment_inbox_payment_id_fkey" TO "gateway_notification_payment_id_fkey";
ALTER TABLE "gateway_notification" RENAME CONSTRAINT "payment_inbox_provider" TO "gateway_notification_provider";
ALTER INDEX "payment_inbox_provider_event_key_key" RENAME TO "gateway_notification_provider_event_key_key";
ALTER INDEX "payment_inbox_payment_id_idx" RENAME TO "gateway_notification_payment_id_idx";
