/**
 * Each operation's operationId by `METHOD path`, generated from openapi.yaml by
 * scripts/generate-operations.ts. Do not make direct changes to the file.
 */

export const operationIds = {
  "PUT /v1/mmc/control/conferences/participants/share/invite": "inviteShare",
  "GET /v1/mmc/control/conferences/token": "createConfToken",
  "GET /v1/mmc/control/conferences/realTimeInfo": "showRealTimeInfoOfMeeting",
  "PUT /v1/mmc/control/conferences/updateStartedConfConfig": "updateStartedConfConfig",
  "GET /v1/mmc/control/conferences/wsToken": "createWebSocketToken",
} as const;
