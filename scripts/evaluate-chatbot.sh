#!/usr/bin/env bash
# Measures the chatbot's language understanding on the held-out utterances and writes the figures
# into docs/chatbot.md. The same evaluation runs (without writing) in the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build tests/SelfService.Dialogs.Tests --nologo -v quiet
SELFSERVICE_CHATBOT_REPORT="$PWD/docs/chatbot.md" \
  dotnet test tests/SelfService.Dialogs.Tests --no-build --nologo \
  --filter "FullyQualifiedName~CorpusEvaluationTests" --logger "console;verbosity=normal"
echo "Figures written to docs/chatbot.md"
