-- The schema.org type of who made a claim (ClaimReview itemReviewed.author): chosen on the claim form.
-- Null where nobody chose it; the ClaimReview export then guesses from the claimant's name, as before.
-- The history table gains a nullable column only, so past revisions keep their canonical content.
alter table claim add column claimant_type varchar(20)
    constraint claim_claimant_type_check check (claimant_type in ('PERSON', 'ORGANIZATION'));
alter table claim_aud add column claimant_type varchar(20);
