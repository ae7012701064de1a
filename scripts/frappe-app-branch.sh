#!/usr/bin/env bash
# Builds the branch `bench get-app` clones: a commit whose tree is exactly frappe_app/ of a source commit,
# at the root, as bench expects of an app repository (pyproject.toml, shopsync/hooks.py, modules.txt,
# patches.txt). bench clones a whole repository and installs its root (bench/app.py App.get,
# bench/utils/app.py get_app_name); this monorepo's root is not the app, this branch's is.
#
#   scripts/frappe-app-branch.sh [--source REF] [--branch NAME] [--remote NAME]
#
#   --source  the commit whose frappe_app/ is published (default HEAD; committed content only, the
#             working tree is never read)
#   --branch  the branch to create or advance (default frappe-app)
#   --remote  whose copy of the branch to build on when it is ahead of the local one (default origin;
#             '' for none). Fetch it first, so the new commit lands on top of what bench users have.
#
# Plumbing only (git commit-tree, git update-ref): nothing is checked out and no other ref changes.
# Deterministic: the commit takes its author, committer and dates from the source commit, so the same
# source on the same previous tip gives the same commit id on any machine. Each new commit has the
# previous tip as its parent, so `bench update` (git pull upstream <branch>) fast-forwards. When
# frappe_app/ did not change, the branch is left as it is.
set -euo pipefail

source_ref=HEAD
branch=frappe-app
remote=origin
while [ $# -gt 0 ]; do
  case "$1" in
    --source) source_ref="$2"; shift 2 ;;
    --branch) branch="$2"; shift 2 ;;
    --remote) remote="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "frappe-app-branch: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "frappe-app-branch: $*" >&2; exit 1; }

git rev-parse --git-dir >/dev/null 2>&1 || fail "run it inside a clone of the repository"
git check-ref-format --branch "$branch" >/dev/null || fail "'$branch' is not a valid branch name"
source_commit=$(git rev-parse --verify --quiet "${source_ref}^{commit}") || fail "no commit '$source_ref'"
tree=$(git rev-parse --verify --quiet "${source_commit}:frappe_app" || true)
[ -n "$tree" ] && [ "$(git cat-file -t "$tree")" = tree ] || fail "$source_ref has no frappe_app/ folder"
# What bench and pip need at the root of the clone; a tree without them would install nothing.
for path in pyproject.toml shopsync/__init__.py shopsync/hooks.py shopsync/modules.txt shopsync/patches.txt; do
  git cat-file -e "${tree}:${path}" 2>/dev/null || fail "frappe_app/ of $source_ref has no $path"
done
if [ "$(git symbolic-ref --quiet HEAD 2>/dev/null || true)" = "refs/heads/$branch" ]; then
  fail "'$branch' is checked out here; updating it would leave the working tree behind"
fi

local_tip=$(git rev-parse --verify --quiet "refs/heads/${branch}^{commit}" || true)
remote_tip=""
if [ -n "$remote" ]; then
  remote_tip=$(git rev-parse --verify --quiet "refs/remotes/${remote}/${branch}^{commit}" || true)
fi
parent=$local_tip
if [ -n "$remote_tip" ] && [ "$remote_tip" != "$local_tip" ]; then
  if [ -z "$local_tip" ] || git merge-base --is-ancestor "$local_tip" "$remote_tip"; then
    parent=$remote_tip
  elif ! git merge-base --is-ancestor "$remote_tip" "$local_tip"; then
    fail "local $branch and $remote/$branch have diverged; reset the local one to $remote/$branch and run again"
  fi
fi

version=$(git cat-file -p "${tree}:shopsync/__init__.py" | sed -n 's/^__version__ = "\(.*\)"$/\1/p')
[ -n "$version" ] || fail "frappe_app/shopsync/__init__.py of $source_ref has no __version__ = \"…\" line"

if [ -n "$parent" ] && [ "$(git rev-parse "${parent}^{tree}")" = "$tree" ]; then
  new=$parent
  outcome="unchanged"
else
  export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL GIT_COMMITTER_DATE
  GIT_AUTHOR_NAME=$(git log -1 --format=%an "$source_commit")
  GIT_AUTHOR_EMAIL=$(git log -1 --format=%ae "$source_commit")
  GIT_AUTHOR_DATE=$(git log -1 --format=%ad --date=raw "$source_commit")
  GIT_COMMITTER_NAME=$(git log -1 --format=%cn "$source_commit")
  GIT_COMMITTER_EMAIL=$(git log -1 --format=%ce "$source_commit")
  GIT_COMMITTER_DATE=$(git log -1 --format=%cd --date=raw "$source_commit")
  message="shopsync Frappe app ${version}

frappe_app/ of ${source_commit}, made by scripts/frappe-app-branch.sh."
  new=$(git commit-tree --no-gpg-sign "$tree" ${parent:+-p "$parent"} -m "$message")
  outcome=$([ -n "$parent" ] && echo "advanced" || echo "created")
fi

# Only the local branch moves, and only from the value read above (a concurrent change fails it).
if [ "$new" != "$local_tip" ]; then
  git update-ref -m "frappe-app-branch: frappe_app/ of $source_commit" "refs/heads/$branch" "$new" "$local_tip"
fi
echo "$branch $new $outcome (frappe_app/ of $source_commit, version $version)"
