-- A claim dismissed as a duplicate is flagged for review on the desk when its original gets a
-- correction: the time of that correction, until an editor clears the flag.
alter table claim add column original_corrected_at timestamptz;
alter table claim_aud add column original_corrected_at timestamptz;
create index claim_original_corrected_idx on claim (original_corrected_at) where original_corrected_at is not null;
