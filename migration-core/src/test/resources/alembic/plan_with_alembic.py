"""Plans upgrade/downgrade/stamp cases with Alembic itself, for AlembicDifferentialTests.

Reads JSON from stdin: a list of cases {"graph": [[id, [down...], [depends...], [labels...]], ...], "rows": [...],
"command": "upgrade"|"downgrade"|"stamp", "target": "..."}. Writes one JSON line per case: {"steps": [...],
"rows": [...]} or {"error": "..."}. Uses Alembic's own planning (ScriptDirectory._upgrade_revs, _downgrade_revs,
_stamp_revs) and its HeadMaintainer for the version rows, on an in-memory revision map.
"""
import json
import sys
import warnings
from types import SimpleNamespace
from unittest import mock

from alembic.runtime.migration import HeadMaintainer
from alembic.script.base import ScriptDirectory
from alembic.script.revision import Revision
from alembic.script.revision import RevisionMap


def revision_map(graph):
    revisions = []
    for rev_id, down, depends, labels in graph:
        down_revision = tuple(down) if len(down) > 1 else (down[0] if down else None)
        revision = Revision(rev_id, down_revision, dependencies=tuple(depends) or None,
                            branch_labels=labels or None)
        revision.module = SimpleNamespace(upgrade=None, downgrade=None)  # planning never runs a revision
        revisions.append(revision)
    return RevisionMap(lambda: revisions)


def plan(case):
    script = ScriptDirectory.__new__(ScriptDirectory)
    script.revision_map = revision_map(case["graph"])
    rows = tuple(case["rows"])
    command = case["command"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        if command == "upgrade":
            steps = script._upgrade_revs(case["target"], rows)
        elif command == "downgrade":
            steps = script._downgrade_revs(case["target"], rows)
        else:
            steps = script._stamp_revs(case["target"], rows)
    heads = HeadMaintainer(mock.Mock(), rows)
    names = []
    for step in steps:
        heads.update_to_step(step)
        names.append(",".join(sorted(step.to_revisions if command == "stamp" else
                                     [step.revision.revision])))
    return {"steps": names, "rows": sorted(heads.heads)}


def main():
    for case in json.load(sys.stdin):
        try:
            result = plan(case)
        except Exception as ex:  # every refusal of Alembic's, warnings included, is an error here
            result = {"error": type(ex).__name__ + ": " + str(ex)}
        print(json.dumps(result))


if __name__ == "__main__":
    main()
