-- A talk's identity in the parents' calendars. Existing bookings keep the UID their confirmation
-- mail already carried (<booking id>@ouderportaal), so calendars that hold them still match.
ALTER TABLE "Booking" ADD COLUMN "calendarUid" TEXT;
UPDATE "Booking" SET "calendarUid" = "id" || '@ouderportaal';
ALTER TABLE "Booking" ALTER COLUMN "calendarUid" SET NOT NULL,
  ALTER COLUMN "calendarUid" SET DEFAULT ((gen_random_uuid())::text || '@ouderportaal');
ALTER TABLE "Booking" ADD COLUMN "calendarSequence" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Booking_calendarUid_key" ON "Booking"("calendarUid");
