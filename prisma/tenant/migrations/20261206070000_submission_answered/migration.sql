-- Issue 19: after the citizen answers the office's question the submission is "Doplněno" (answered)
-- for both sides, until the clerk or the records system moves it on (submission-states.ts).
ALTER TYPE "SubmissionStatus" ADD VALUE IF NOT EXISTS 'answered' AFTER 'needs_info';
