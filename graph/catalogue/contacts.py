"""The visit and contact log, events, follow-ups and activity counts."""

from graph.statement import Statement

_LINK = """
WITH c
OPTIONAL MATCH ({var}:{label}) WHERE {var}.id IN ${param}
FOREACH (_ IN CASE WHEN {var} IS NULL THEN [] ELSE [1] END | CREATE {pattern})
WITH c, count({var}) AS {var}_count"""

LOG = Statement(
    "contact.log",
    """CREATE (c:Contact {id: $id, kind: $kind, on: $on, summary: $summary, outcome: $outcome,
                  unit_ids: $unit_ids, recorded_at: $now})
SET c.next_step = $next_step, c.follow_up_on = $follow_up_on, c.place_id = $place_id,
    c.project_id = $project_id, c.event_id = $event_id"""
    + _LINK.format(var="p", label="Person", param="participant_ids", pattern="(p)-[:ATTENDED]->(c)")
    + _LINK.format(var="x", label="Party", param="counterpart_ids", pattern="(c)-[:WITH]->(x)")
    + _LINK.format(var="u", label="Organization", param="unit_ids", pattern="(c)-[:BY_UNIT]->(u)")
    + _LINK.format(var="pl", label="Place", param="place_ids", pattern="(c)-[:AT]->(pl)")
    + _LINK.format(var="pr", label="Project", param="project_ids", pattern="(c)-[:ABOUT]->(pr)")
    + _LINK.format(var="ev", label="Event", param="event_ids", pattern="(c)-[:DURING]->(ev)")
    + "\nRETURN c.id AS id",
    writes=True,
)

_VIEW = """
OPTIONAL MATCH (p:Person)-[:ATTENDED]->(c)
WITH c, collect(p.id) AS participant_ids, collect(p.name) AS participant_names
OPTIONAL MATCH (c)-[:WITH]->(x:Party)
RETURN properties(c) AS contact, participant_ids, participant_names, collect(x.id) AS counterpart_ids,
       collect(x.name) AS counterpart_names
ORDER BY contact.on DESC, contact.recorded_at DESC"""

GET = Statement("contact.get", "MATCH (c:Contact {id: $id})" + _VIEW)

# Everything logged with a person or organization, or about a project.
ABOUT = Statement(
    "contact.about",
    """MATCH (c:Contact)-[:WITH|ABOUT]->(t)
WHERE t.id = $id AND (t:Party OR t:Project)
WITH DISTINCT c""" + _VIEW,
)

DURING = Statement("contact.during_event", "MATCH (c:Contact)-[:DURING]->(:Event {id: $id}) WITH c" + _VIEW)

# Follow-ups due on or before $until and not done yet.
FOLLOW_UPS = Statement(
    "contact.follow_ups",
    """MATCH (c:Contact)
WHERE c.follow_up_on IS NOT NULL AND c.follow_up_on <= $until AND c.follow_up_done_at IS NULL
WITH c""" + _VIEW,
)

COMPLETE_FOLLOW_UP = Statement(
    "contact.complete_follow_up",
    """MATCH (c:Contact {id: $id})
WHERE c.follow_up_done_at IS NULL
SET c.follow_up_done_at = $now, c.follow_up_done_by = $by
RETURN c.id AS id""",
    writes=True,
)

ACTIVITY = Statement(
    "contact.activity",
    """MATCH (c:Contact)
WHERE c.on >= $from AND c.on <= $to
OPTIONAL MATCH (c)-[:WITH]->(x:Party)
RETURN c.id AS id, c.kind AS kind, c.unit_ids AS unit_ids,
       collect(CASE WHEN x IS NULL THEN null ELSE [x.id, x.kind, x.roles] END) AS counterparts
ORDER BY id""",
)

CREATE_EVENT = Statement(
    "event.create",
    """CREATE (e:Event {id: $id, name: $name, kind: $kind, starts_on: $starts_on, recorded_at: $now})
SET e.ends_on = $ends_on, e.place_id = $place_id, e.organizer_unit_id = $organizer_unit_id
RETURN e.id AS id""",
    writes=True,
)

GET_EVENT = Statement("event.get", "MATCH (e:Event {id: $id}) RETURN properties(e) AS event")

SIGNED_AT_EVENT = Statement(
    "event.signed_projects",
    """MATCH (pr:Project)-[:HAD_STAGE]->(sc:StageChange {event_id: $id})
RETURN pr.id AS project_id, pr.name AS name, sc.stage AS stage, sc.on AS on
ORDER BY on, project_id""",
)
