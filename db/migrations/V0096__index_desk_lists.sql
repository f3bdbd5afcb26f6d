-- The desk's lists read their first 20 rows in order from these indexes instead of sorting every
-- matching row (issue 9 benchmark: at 1,000,000 claims the desk page took several seconds per list,
-- "awaiting sign-off" 2.9 s and "overdue" 3.3 s, and did not answer under load).
-- The unfinished statuses below are the ones the desk's queries name as literals (Claim.UNFINISHED),
-- so the planner can prove a query's rows are in a partial index.
create index claim_assigned_unfinished_idx on claim (assignee_id, due_date, id)
    where status in ('OPEN', 'IN_PROGRESS', 'AWAITING_SIGN_OFF');
create index claim_overdue_unfinished_idx on claim (due_date, id)
    where status in ('OPEN', 'IN_PROGRESS', 'AWAITING_SIGN_OFF') and due_date is not null;
create index verdict_proposed_idx on verdict (created_at, id) where state = 'PROPOSED';
create index verdict_sent_back_idx on verdict (author_id, sent_back_at desc) where state = 'SENT_BACK';
-- "Mentions of you", newest first: read in comment order for one person.
drop index comment_mention_account_idx;
create index comment_mention_account_idx on comment_mention (account_id, comment_id);
