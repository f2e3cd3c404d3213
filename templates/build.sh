#!/usr/bin/env bash
# Builds a pipeline's Dataflow flex template: the Dataflow runner jar, the launcher image (pushed to
# Artifact Registry) and the template spec file on Cloud Storage. Run from anywhere in the repository.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: templates/build.sh <pipeline>

Builds runners/dataflow/target/carelake-dataflow.jar, builds and pushes the image of templates/<pipeline>/
and writes the template spec to $TEMPLATE_LOCATION/<pipeline>.json.

Environment:
  PROJECT            Google Cloud project (required)
  REGION             Artifact Registry region, e.g. europe-west1 (required)
  TEMPLATE_LOCATION  Cloud Storage folder of the template specs, e.g. gs://my-bucket/templates (required)
  REPOSITORY         Artifact Registry Docker repository (default: carelake)
  TAG                image tag (default: the current commit, short form)
  LAUNCHER_TAG       tag of the java17-template-launcher-base image (default: latest)

Needs Maven, Docker (authenticated with: gcloud auth configure-docker $REGION-docker.pkg.dev) and gcloud.
USAGE
}

if [[ $# -ne 1 || $1 == -h || $1 == --help ]]; then
  usage >&2
  exit 2
fi
pipeline=$1
cd "$(dirname "$0")/.."
if [[ ! -f templates/$pipeline/Dockerfile || ! -f templates/$pipeline/metadata.json ]]; then
  echo "no template for pipeline '$pipeline': templates/$pipeline/ needs a Dockerfile and a metadata.json" >&2
  exit 2
fi
: "${PROJECT:?set PROJECT (see templates/build.sh --help)}"
: "${REGION:?set REGION (see templates/build.sh --help)}"
: "${TEMPLATE_LOCATION:?set TEMPLATE_LOCATION (see templates/build.sh --help)}"
repository=${REPOSITORY:-carelake}
tag=${TAG:-$(git rev-parse --short HEAD)}
image="$REGION-docker.pkg.dev/$PROJECT/$repository/carelake-$pipeline:$tag"
jar=runners/dataflow/target/carelake-dataflow.jar

mvn -B -q -pl runners/dataflow -am package -DskipTests

# The tests that compare metadata.json with the options interface were skipped above: check here, so a
# template is never published with parameters its pipeline does not have.
if ! java -jar "$jar" template-metadata "$pipeline" | diff -u "templates/$pipeline/metadata.json" -; then
  echo "templates/$pipeline/metadata.json differs from the pipeline's options; regenerate it with:" >&2
  echo "  java -jar $jar template-metadata $pipeline > templates/$pipeline/metadata.json" >&2
  exit 1
fi

# A context holding only the jar: the repository or target folder would send every build output to Docker.
context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
cp "$jar" "$context/"
docker build --build-arg "LAUNCHER_TAG=${LAUNCHER_TAG:-latest}" -f "templates/$pipeline/Dockerfile" -t "$image" "$context"
docker push "$image"

gcloud dataflow flex-template build "${TEMPLATE_LOCATION%/}/$pipeline.json" \
  --project="$PROJECT" \
  --image="$image" \
  --sdk-language=JAVA \
  --metadata-file="templates/$pipeline/metadata.json"

echo "template: ${TEMPLATE_LOCATION%/}/$pipeline.json (image $image)"
