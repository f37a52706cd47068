#!/usr/bin/env bash
# Prepares a WildFly 39 installation for SyncPost (EclipseLink module, PostgreSQL driver and
# datasource, Jakarta Security, keys) with configure.cli, starts it bound to 127.0.0.1 and deploys
# the EAR.
#
#   server-config/wildfly/setup.sh WILDFLY_HOME EAR
#
# Environment (defaults in brackets):
#   SYNCPOST_PORT_OFFSET [0]              HTTP = 8080+offset, HTTPS = 8443+offset, management 9990+offset
#   SYNCPOST_BIND_ADDRESS [127.0.0.1]     address public and management interfaces bind to
#   SYNCPOST_DATA_DIR [WILDFLY_HOME/standalone/data/syncpost]   credential key file, generated passwords
#   SYNCPOST_DB_URL, SYNCPOST_DB_USER, SYNCPOST_DB_PASSWORD   PostgreSQL (else WildFly's ExampleDS, in memory)
#   SYNCPOST_ADMIN_PASSWORD               password of SyncPost's first administrator
# Stop it with: WILDFLY_HOME/bin/jboss-cli.sh --connect --controller=127.0.0.1:$((9990+offset)) :shutdown
set -euo pipefail

wildfly_home=${1:?"usage: setup.sh WILDFLY_HOME EAR"}
ear=${2:?"usage: setup.sh WILDFLY_HOME EAR"}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
offset=${SYNCPOST_PORT_OFFSET:-0}
bind=${SYNCPOST_BIND_ADDRESS:-127.0.0.1}
data_dir=${SYNCPOST_DATA_DIR:-$wildfly_home/standalone/data/syncpost}
cli="$wildfly_home/bin/jboss-cli.sh"

# EclipseLink is not part of WildFly: its module ships only the integration, the jar goes beside it.
eclipselink=$(ls "$root"/target/eclipselink-*.jar 2>/dev/null | head -n 1 || true)
[ -n "$eclipselink" ] || { echo "No EclipseLink in $root/target: build SyncPost first (./mvnw package)." >&2; exit 1; }
eclipselink_jar=$(basename "$eclipselink")
module_dir="$wildfly_home/modules/system/layers/base/org/eclipse/persistence/main"
cp "$eclipselink" "$module_dir/"
if ! grep -q "$eclipselink_jar" "$module_dir/module.xml"; then
  sed -i \
    -e "s#<resources>#<resources>\n        <resource-root path=\"$eclipselink_jar\"/>#" \
    -e 's#<dependencies>#<dependencies>\n        <module name="java.rmi"/>\n        <module name="java.sql"/>\n        <module name="java.xml"/>\n        <module name="java.desktop"/>#' \
    "$module_dir/module.xml"
fi

mkdir -p "$data_dir"
database=h2
if [ -n "${SYNCPOST_DB_URL:-}" ]; then
  database=postgresql
  driver=$(ls "$root"/target/postgresql-*.jar 2>/dev/null | head -n 1 || true)
  [ -n "$driver" ] || { echo "No PostgreSQL driver in $root/target: build SyncPost first." >&2; exit 1; }
  if [ ! -d "$wildfly_home/modules/org/postgresql" ]; then
    "$cli" --command="module add --name=org.postgresql --resources=$driver --dependencies=java.sql,java.naming,java.management,java.security.jgss,java.xml,jakarta.transaction.api"
  fi
fi

commands=$(mktemp)
trap 'rm -f "$commands"' EXIT
sed "s#@DATA_DIR@#$data_dir#" "$here/configure.cli" > "$commands"
if [ "$database" = postgresql ]; then
  sed -e "s#@DB_URL@#$SYNCPOST_DB_URL#" -e "s#@DB_USER@#${SYNCPOST_DB_USER:-syncpost}#" \
    "$here/postgresql.cli" >> "$commands"
fi
echo "stop-embedded-server" >> "$commands"
"$cli" --file="$commands"

cp "$ear" "$wildfly_home/standalone/deployments/syncpost.ear"
# the datasource password is the expression ${env.SYNCPOST_DB_PASSWORD}: the server's environment
nohup "$wildfly_home/bin/standalone.sh" -b "$bind" -bmanagement "$bind" \
  -Djboss.socket.binding.port-offset="$offset" > "$wildfly_home/standalone/syncpost-console.log" 2>&1 &

management=$((9990 + offset))
for _ in $(seq 1 240); do
  if [ -f "$wildfly_home/standalone/deployments/syncpost.ear.deployed" ]; then
    echo "SyncPost is deployed: https://localhost:$((8443 + offset))/ (health: http://$bind:$management/health)"
    exit 0
  fi
  if [ -f "$wildfly_home/standalone/deployments/syncpost.ear.failed" ]; then
    echo "Deployment failed:" >&2
    cat "$wildfly_home/standalone/deployments/syncpost.ear.failed" >&2
    exit 1
  fi
  sleep 1
done
echo "WildFly did not deploy SyncPost in time; see $wildfly_home/standalone/log/server.log" >&2
exit 1
