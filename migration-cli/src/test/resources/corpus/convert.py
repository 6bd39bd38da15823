#!/usr/bin/env python3
"""Regenerates the corpus revision files from pinned commits of the source repositories.

Usage: python3 convert.py [--mirror DIR]   (Python 3 and git; nothing else)

DIR holds bare git snapshots named <owner>+<name>/repo (default /work/.mirror). Each project's files are read with
`git show <commit>:<path>` at the commit pinned below, so the output is the same on every run; the corpus
directories (<project>/<dialect>/) are emptied and written again. See each project's SOURCE.md.
Without that folder: git clone --bare https://github.com/<owner>/<name> DIR/<owner>+<name>/repo for each project.
The test that runs the corpus is migration-cli's CorpusTest.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

ATUIN = dict(repo="atuinsh/atuin", commit="824c8716d82bed774ee6a83c683087ae77715814", licence="LICENSE")
KETO = dict(repo="ory/keto", commit="e026d8391913caa2dcd1bff92311ce9d1181d821", licence="LICENSE")
AUTHELIA = dict(repo="authelia/authelia", commit="23572030b4048922a377ca40d59e804e0ed25fd7", licence="LICENSE")
AUTH = dict(repo="supabase/auth", commit="bc32168e13fdc928c98b449fc76bc3fdb9a293c5", licence="LICENSE")
STORAGE = dict(repo="supabase/storage", commit="4fa61fba9371c4bd40cbb81509f07bcb3af21683", licence="LICENSE")

# a line the revision parser would read as a section marker: the converted body must not contain one
SECTION_MARKER = re.compile(r"^\s*--\s*(upgrade|downgrade)\s*$", re.IGNORECASE | re.MULTILINE)
CONCURRENTLY = re.compile(r"\bconcurrently\b", re.IGNORECASE)


class Snapshot:
    def __init__(self, mirror, project):
        self.git_dir = os.path.join(mirror, project["repo"].replace("/", "+"), "repo")
        self.commit = project["commit"]
        self.repo = project["repo"]

    def _git(self, *args):
        return subprocess.run(["git", "--git-dir", self.git_dir, *args], check=True, capture_output=True).stdout

    def list(self, folder):
        names = self._git("ls-tree", "--name-only", self.commit, folder.rstrip("/") + "/").decode()
        return sorted(line for line in names.splitlines() if line)

    def read(self, path):
        return self._git("show", f"{self.commit}:{path}").decode("utf-8")


def slug(message):
    return re.sub(r"[^a-z0-9]", "_", message.lower())[:40]


def has_statements(sql):
    """Anything but comments and blank lines (popx's own test for an empty migration)."""
    return re.sub(r"(?m)^(\s*--.*|\s*)$", "", sql).strip() != ""


def body(sql, where):
    if SECTION_MARKER.search(sql):
        sys.exit(f"{where}: a line reads as a section marker ('-- upgrade'/'-- downgrade'); convert it by hand")
    return sql if sql.endswith("\n") or sql == "" else sql + "\n"


def write_chain(out_dir, revisions, snapshot):
    """revisions: list of dicts id, message, source, upgrade, downgrade (None: irreversible), transactional."""
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    down = "none"
    for revision in revisions:
        assert re.fullmatch(r"[A-Za-z0-9_]{1,32}", revision["id"]), revision["id"]
        lines = [f"-- revision: {revision['id']}", f"-- down_revision: {down}", f"-- message: {revision['message']}"]
        if not revision["transactional"]:
            lines.append("-- transactional: false")
        lines.append(f"-- Converted by convert.py from {snapshot.repo} at {snapshot.commit[:12]}, {revision['source']}")
        text = "\n".join(lines) + "\n\n-- upgrade\n" + body(revision["upgrade"], revision["source"])
        if revision["downgrade"] is not None:
            text += "\n-- downgrade\n" + body(revision["downgrade"], revision["source"])
        name = f"{revision['id']}_{slug(revision['message'])}.sql"
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        down = revision["id"]
    return len(revisions)


def copy_licence(snapshot, project, target):
    with open(os.path.join(target, "LICENSE"), "w", encoding="utf-8", newline="\n") as file:
        file.write(snapshot.read(project["licence"]))


def transactional(sql, marker):
    """False when the original runner runs the file outside a transaction, or a statement cannot run inside one."""
    return not ((marker is not None and marker in sql) or CONCURRENTLY.search(sql))


def sqlx(snapshot, folder, prefix):
    """sqlx: <version>_<description>.sql (irreversible) or .up.sql/.down.sql; '-- no-transaction' opts out."""
    files = snapshot.list(folder)
    versions = {}
    for path in files:
        match = re.fullmatch(r"(\d+)_(.+?)(\.up|\.down)?\.sql", os.path.basename(path))
        if not match:
            sys.exit(f"{path}: not a sqlx migration name")
        entry = versions.setdefault(match.group(1), {"name": match.group(2)})
        entry[(match.group(3) or ".up")[1:]] = path
    revisions = []
    for version in sorted(versions, key=int):
        entry = versions[version]
        up = snapshot.read(entry["up"])
        revisions.append(dict(id=f"{prefix}_{version}", message=entry["name"], source=entry["up"], upgrade=up,
                              downgrade=snapshot.read(entry["down"]) if "down" in entry else None,
                              transactional=transactional(up, "-- no-transaction")))
    return revisions


POPX_NAME = re.compile(r"(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.sql")
POPX_DIALECTS = {"postgres": "postgres", "postgresql": "postgres", "sqlite": "sqlite3", "sqlite3": "sqlite3"}


def popx(snapshot, folders, dialect, prefix, transform=lambda sql, path: sql):
    """Ory's popx: <version>_<name>[.<dialect>][.autocommit].(up|down).sql; a file for the dialect wins over one
    for all; an empty file (only comments) does nothing; .autocommit runs outside a transaction."""
    chosen = {}
    for folder in folders:
        for path in snapshot.list(folder):
            match = POPX_NAME.fullmatch(os.path.basename(path))
            if not match:
                continue
            version, name, flavour, autocommit, direction = match.groups()
            if flavour == ".autocommit":
                flavour, autocommit = None, ".autocommit"
            flavour = POPX_DIALECTS.get(flavour[1:], "other") if flavour else "all"
            if flavour not in ("all", dialect):
                continue
            key = (version, direction)
            if key in chosen and chosen[key][0] != "all" and flavour == "all":
                continue
            chosen[key] = (flavour, path, name, autocommit is not None)
    revisions = []
    for version in sorted({version for version, _ in chosen}):
        up = chosen.get((version, "up"))
        down = chosen.get((version, "down"))
        if up is None:
            sys.exit(f"{version}: a down migration without an up migration")
        up_sql = transform(snapshot.read(up[1]), up[1])
        down_sql = transform(snapshot.read(down[1]), down[1]) if down else None
        upgrade = up_sql if has_statements(up_sql) else "-- (empty in the original: nothing to do)\n"
        if down_sql is None:
            downgrade = None
        elif has_statements(down_sql):
            downgrade = down_sql
        elif has_statements(up_sql):
            # popx runs an empty down migration as "nothing to undo"; an empty section would mean irreversible here
            downgrade = "-- (empty in the original: nothing to undo)\nSELECT 1;\n"
        else:
            downgrade = ""
        revisions.append(dict(id=f"{prefix}_{version}", message=up[2], source=up[1], upgrade=upgrade,
                              downgrade=downgrade, transactional=not up[3] and transactional(up_sql, None)))
    return revisions


def authelia(snapshot, folder, prefix):
    """Authelia: V<version>.<Name>.(up|down).sql in version order, all of one command in one transaction; an empty
    file runs nothing, so an empty down file is a downgrade with nothing to undo."""
    entries = {}
    for path in snapshot.list(folder):
        match = re.fullmatch(r"V(\d+)\.(\w+)\.(up|down)\.sql", os.path.basename(path))
        if not match:
            sys.exit(f"{path}: not an Authelia migration name")
        entries.setdefault(int(match.group(1)), {"name": match.group(2)})[match.group(3)] = path
    revisions = []
    for version in sorted(entries):
        entry = entries[version]
        up_sql = snapshot.read(entry["up"])
        down_sql = snapshot.read(entry["down"])
        upgrade = up_sql if has_statements(up_sql) else "-- (empty in the original: nothing to do)\n"
        if has_statements(down_sql):
            downgrade = down_sql
        elif has_statements(up_sql):
            downgrade = "-- (empty in the original: nothing to undo)\nSELECT 1;\n"
        else:
            downgrade = ""
        revisions.append(dict(id=f"{prefix}_{version:04d}", message=entry["name"], source=entry["up"], upgrade=upgrade,
                              downgrade=downgrade, transactional=transactional(up_sql, None)))
    return revisions


NAMESPACE = re.compile(r'\{\{\s*index\s+\.Options\s+"Namespace"\s*\}\}')


def auth_namespace(sql, path):
    """Supabase Auth's files are Go templates whose only placeholder is the schema (DB_NAMESPACE, default auth)."""
    sql = NAMESPACE.sub("auth", sql)
    if "{{" in sql:
        sys.exit(f"{path}: a template placeholder other than the namespace")
    return sql


def auth_schema(snapshot):
    """The schema Supabase Auth's migrations expect to exist: hack/init_postgres.sql creates it (with roles, which
    are left out here: they are the cluster's, not the database's)."""
    init = snapshot.read("hack/init_postgres.sql")
    if "CREATE SCHEMA IF NOT EXISTS auth" not in init:
        sys.exit("hack/init_postgres.sql no longer creates the auth schema: look at it again")
    return dict(id="auth_init_schema", message="auth schema", source="hack/init_postgres.sql (the schema only)",
                upgrade="CREATE SCHEMA IF NOT EXISTS auth;\n", downgrade=None, transactional=True)


def postgres_migrations(snapshot, folder, prefix):
    """postgres-migrations: <id>-<name>.sql in id order, no down migrations;
    '-- postgres-migrations disable-transaction' runs the file outside a transaction."""
    revisions = []
    entries = []
    for path in snapshot.list(folder):
        match = re.fullmatch(r"(\d+)[-_](.+)\.sql", os.path.basename(path))
        if not match:
            sys.exit(f"{path}: not a postgres-migrations name")
        entries.append((int(match.group(1)), match.group(2), path))
    for number, name, path in sorted(entries):
        sql = snapshot.read(path)
        revisions.append(dict(id=f"{prefix}_{number:04d}", message=name, source=path, upgrade=sql, downgrade=None,
                              transactional=transactional(sql, "-- postgres-migrations disable-transaction")))
    return revisions


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirror", default="/work/.mirror")
    mirror = parser.parse_args().mirror
    counts = []

    atuin = Snapshot(mirror, ATUIN)
    target = os.path.join(HERE, "atuin")
    counts.append(("atuin/postgresql", write_chain(os.path.join(target, "postgresql"),
                   sqlx(atuin, "crates/atuin-server-postgres/migrations", "atuin"), atuin)))
    counts.append(("atuin/sqlite", write_chain(os.path.join(target, "sqlite"),
                   sqlx(atuin, "crates/atuin-server-sqlite/migrations", "atuin"), atuin)))
    copy_licence(atuin, ATUIN, target)

    keto = Snapshot(mirror, KETO)
    target = os.path.join(HERE, "keto")
    folders = ["internal/persistence/sql/migrations/sql", "oryx/networkx/migrations/sql"]
    counts.append(("keto/postgresql", write_chain(os.path.join(target, "postgresql"),
                   popx(keto, folders, "postgres", "keto"), keto)))
    counts.append(("keto/sqlite", write_chain(os.path.join(target, "sqlite"),
                   popx(keto, folders, "sqlite3", "keto"), keto)))
    copy_licence(keto, KETO, target)

    authelia_snapshot = Snapshot(mirror, AUTHELIA)
    target = os.path.join(HERE, "authelia")
    counts.append(("authelia/postgresql", write_chain(os.path.join(target, "postgresql"),
                   authelia(authelia_snapshot, "internal/storage/migrations/postgres", "authelia"), authelia_snapshot)))
    # its SQLite files call BIN2B64, a function Authelia registers in its own SQLite driver: not taken
    copy_licence(authelia_snapshot, AUTHELIA, target)

    auth = Snapshot(mirror, AUTH)
    target = os.path.join(HERE, "supabase-auth")
    counts.append(("supabase-auth/postgresql", write_chain(os.path.join(target, "postgresql"),
                   [auth_schema(auth)] + popx(auth, ["migrations"], "postgres", "auth", auth_namespace), auth)))
    copy_licence(auth, AUTH, target)

    storage = Snapshot(mirror, STORAGE)
    target = os.path.join(HERE, "supabase-storage")
    counts.append(("supabase-storage/postgresql", write_chain(os.path.join(target, "postgresql"),
                   postgres_migrations(storage, "migrations/tenant", "storage"), storage)))
    copy_licence(storage, STORAGE, target)

    for name, count in counts:
        print(f"{name}: {count} revisions")


if __name__ == "__main__":
    main()
