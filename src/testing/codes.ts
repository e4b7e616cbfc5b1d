// Every error the fake answers with: status, error_code and error_msg. The vendor's codes where
// it publishes one (openapi.yaml's examples, ../shared/reference); `FAKE.` codes are the fake's own.
export const codes = {
  noSuchConference: { status: 400, error_code: "MMC.111070005", error_msg: "conference does not exist or is out of date" },
  notStarted: { status: 400, error_code: "MMC.111072005", error_msg: "meeting not started or already ended" },
  noSuchParticipant: { status: 400, error_code: "USG.201040000", error_msg: "user does not exist" },
  tokenRefused: { status: 401, error_code: "MMC.118000001", error_msg: "USER_TOKEN_AUTH_FAILED" },
  notPresent: { status: 400, error_code: "FAKE.400002", error_msg: "participant is not in the meeting (being called or in the waiting room)" },
  alreadyRecording: { status: 400, error_code: "FAKE.400003", error_msg: "the meeting is already being recorded" },
  notRecording: { status: 400, error_code: "FAKE.400004", error_msg: "the meeting is not being recorded" },
  noSuchLayout: { status: 400, error_code: "FAKE.400005", error_msg: "no saved layout has this uuID" },
  notWaiting: { status: 400, error_code: "FAKE.400006", error_msg: "participant is not in the waiting room" },
  notAllowed: { status: 403, error_code: "FAKE.403000", error_msg: "not allowed" },
  invalidRequest: { status: 400, error_code: "FAKE.400000", error_msg: "request does not match openapi.yaml" },
  malformed: { status: 400, error_code: "FAKE.400001", error_msg: "malformed HTTP request" },
  wrongPassword: { status: 401, error_code: "FAKE.401001", error_msg: "host password does not match" },
  noPassword: { status: 401, error_code: "FAKE.401002", error_msg: "X-Password is required unless X-Conference-Authorization holds a valid token" },
  noSuchPath: { status: 404, error_code: "FAKE.404000", error_msg: "no operation of openapi.yaml at this path" },
  wrongMethod: { status: 405, error_code: "FAKE.405000", error_msg: "no operation of openapi.yaml with this method at this path" },
  timeout: { status: 408, error_code: "FAKE.408000", error_msg: "request not received in time" },
  tooLarge: { status: 413, error_code: "FAKE.413000", error_msg: "request body larger than the fake accepts (1 MiB)" },
  notJson: { status: 415, error_code: "FAKE.415000", error_msg: "request body must be application/json" },
  headersTooLarge: { status: 431, error_code: "FAKE.431000", error_msg: "request header fields too large" },
  internal: { status: 500, error_code: "FAKE.500000", error_msg: "the fake failed" },
  notPlayed: { status: 501, error_code: "FAKE.501000", error_msg: "the fake does not play this operation of openapi.yaml" },
  fault: { status: 503, error_code: "FAKE.FAULT", error_msg: "fault injected by failNext" },
} as const;

export type Code = (typeof codes)[keyof typeof codes];

/** Thrown by a handler to answer with an error. */
export class Refusal {
  constructor(
    readonly code: Code,
    readonly detail?: string,
  ) {}
}

export const refuse = (code: Code, detail?: string): never => {
  throw new Refusal(code, detail);
};
