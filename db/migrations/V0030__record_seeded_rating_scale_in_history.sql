-- V0007 seeded the default rating scale in SQL, so Envers never recorded it and an "as of" view
-- could not read the level an early verdict was given under. Record every scale version and level
-- that has no history yet once, as revision 0 by the system (no account). Hibernate hands out
-- revision ids from 1 upwards, so 0 never clashes, and "as of" reads (revision <= n) see it first.
insert into audit_revision (id, changed_at, account_id, request_id, reason)
select 0, min(s.created_at), null, null, 'Default rating scale seeded by migration V0007'
from rating_scale s
where not exists (select 1 from rating_scale_aud a where a.id = s.id)
having count(*) > 0;

insert into rating_scale_aud (id, revision_id, revision_type, number, created_at, created_by_id)
select s.id, 0, 0, s.number, s.created_at, s.created_by_id
from rating_scale s
where not exists (select 1 from rating_scale_aud a where a.id = s.id);

insert into rating_level_aud (id, revision_id, revision_type, scale_id, position, rating_value, label, description, colour)
select l.id, 0, 0, l.scale_id, l.position, l.rating_value, l.label, l.description, l.colour
from rating_level l
where not exists (select 1 from rating_level_aud a where a.id = l.id);
