-- Repeated failed logins lock an account for a while (station.accounts.max-failed-logins, lock-for); a supervisor
-- may unlock it sooner. Consecutive failures are counted; a successful login resets the count.
ALTER TABLE station_user ADD COLUMN failed_logins INT NOT NULL DEFAULT 0;
ALTER TABLE station_user ADD COLUMN locked_until TIMESTAMPTZ;
