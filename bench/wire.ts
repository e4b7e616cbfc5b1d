// What every contender sends, and what the bench server accepts: the seed's PUT, exactly.
export const CONFERENCE = "986947855";
export const PARTICIPANT = "4a5rg64ag5p8pvvnam1rr6m8lqra6a61";
export const PATH = "/v1/mmc/control/conferences/participants/share/invite";
export const INVITE_URL = `${PATH}?conferenceID=${CONFERENCE}&participantID=${PARTICIPANT}`;
export const TOKEN_URL = `/v1/mmc/control/conferences/token?conferenceID=${CONFERENCE}`;
export const STATIC_TOKEN = "bench-static-token";
export const HOST_PASSWORD = "bench-host-password";
export const BODY = JSON.stringify({ share: 1 });
export const HEADERS = { "content-type": "application/json", "x-conference-authorization": STATIC_TOKEN };
export const PARAMS = {
  query: { conferenceID: CONFERENCE, participantID: PARTICIPANT },
  header: { "X-Conference-Authorization": STATIC_TOKEN },
};
