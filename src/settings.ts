// The settings of an ongoing meeting (`updateStartedConfConfig`): what may be sent, checked before sending.
import type { components } from "./generated/schema.js";
import { fail, kind } from "./call/input.js";

/** Settings of an ongoing meeting to change: every field optional, values as the spec's `UpdateStartedConfigReqBody` lists them. */
export type MeetingSettings = components["schemas"]["UpdateStartedConfigReqBody"];

/**
 * The values each setting takes: the spec's enums, which test/spec/spec.test.ts proves equal;
 * the type makes every setting of the spec appear here. `null`: the spec lists no
 * values (any int32).
 */
export const SETTING_VALUES: { readonly [K in keyof MeetingSettings]-?: readonly NonNullable<MeetingSettings[K]>[] | null } = {
  lockSharing: [0, 1],
  freeShare: [0, 1],
  isLock: [0, 1],
  callInRestriction: [0, 2, 3],
  audienceCallInRestriction: [0, 2],
  allowUnmuteByOneself: [0, 1],
  chatPermission: [1, 2, 3, 4],
  allowOpenCamera: [0, 1],
  allowRename: [0, 1],
  clientRecMode: null,
};

const INT32 = 2 ** 31;

/** A copy of `settings` holding only checked values, or the `MeetingInputError` naming the setting at fault. */
export function checkSettings(settings: unknown): MeetingSettings {
  if (!settings || typeof settings !== "object" || Array.isArray(settings)) fail("settings", `must be an object, got ${kind(settings)}`);
  const checked: Record<string, number> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (!Object.hasOwn(SETTING_VALUES, key)) {
      fail("settings", `has no setting ${JSON.stringify(key)}: the settings are ${Object.keys(SETTING_VALUES).join(", ")}`);
    }
    const allowed = SETTING_VALUES[key as keyof MeetingSettings] as readonly number[] | null;
    const valid = allowed ? allowed.includes(value) : Number.isInteger(value) && value >= -INT32 && value < INT32;
    if (!valid) fail(`settings.${key}`, `must be ${allowed ? `one of ${allowed.join(", ")}` : "an int32 integer"}, got ${kind(value)}`);
    checked[key] = value;
  }
  return Object.keys(checked).length > 0 ? checked : fail("settings", "must change at least one setting, got none");
}
