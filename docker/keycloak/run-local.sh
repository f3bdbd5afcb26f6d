#!/usr/bin/env bash
# Keycloak with the claimdesk realm on this machine, without Docker: for running Claimdesk against
# a real sign-in (see "Sign in through a real Keycloak" in the README).
#
#   docker/keycloak/run-local.sh            # http://localhost:8180; stop it with Ctrl+C
#   docker/keycloak/run-local.sh --fresh    # forget earlier runs and import the realm file again
#   KC_PORT=8190 docker/keycloak/run-local.sh
#
# Needs only a JDK 17 (JAVA_HOME or java on the PATH). The distribution,
# org.keycloak:keycloak-quarkus-dist at the pom's keycloak.version, comes from Maven Central through
# ./mvnw and is unpacked into target/keycloak-local/ (about 190 MB); its first start builds it
# (about 45 s), later starts take about 11 s. Keycloak keeps its data (users, sessions, changes made
# in its admin console) in that folder between runs; the realm file is imported only when the realm
# does not exist yet, hence --fresh.
#
# DEMO ONLY: the admin console's account is admin/admin; the demo users are alice/alice (reviewer),
# bob/bob (editor), carol/carol (admin). Dev mode serves plain HTTP on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
port="${KC_PORT:-8180}"
dir=target/keycloak-local
home="$dir/keycloak-$version"

if [ ! -x "$home/bin/kc.sh" ]; then
  echo "Unpacking Keycloak $version into $dir (from the local Maven repository, or Maven Central)"
  ./mvnw -B -q dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
    -DoutputDirectory="$dir" -DmarkersDirectory="$dir/.markers"
fi
if [ "${1:-}" = "--fresh" ]; then
  rm -rf "$home/data"
fi
mkdir -p "$home/data/import"
cp docker/keycloak/claimdesk-realm.json "$home/data/import/claimdesk-realm.json"

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
echo "Keycloak $version: http://localhost:$port (realm claimdesk: http://localhost:$port/realms/claimdesk)"
exec "$home/bin/kc.sh" start-dev --http-port="$port" --import-realm
