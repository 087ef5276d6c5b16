import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-error";

describe("signInErrorMessage", () => {
  it("maps the codes authorize throws", () => {
    expect(signInErrorMessage("invalidCredentials")).toEqual({ key: "auth.signIn.invalidCredentials" });
    expect(signInErrorMessage("emailNotVerified")).toEqual({ key: "auth.signIn.emailNotVerified" });
    expect(signInErrorMessage("suspended")).toEqual({ key: "auth.signIn.suspended" });
  });

  it("turns the seconds of a lock-out into whole minutes, rounded up", () => {
    expect(signInErrorMessage("rateLimited:900")).toEqual({ key: "auth.signIn.rateLimited", values: { minutes: 15 } });
    expect(signInErrorMessage("rateLimited:61")).toEqual({ key: "auth.signIn.rateLimited", values: { minutes: 2 } });
    expect(signInErrorMessage("rateLimited:5")).toEqual({ key: "auth.signIn.rateLimited", values: { minutes: 1 } });
    expect(signInErrorMessage("rateLimited:0")).toEqual({ key: "auth.signIn.rateLimited", values: { minutes: 1 } });
  });

  it.each([null, undefined, "", "Callback", "rateLimited:abc", "<script>", "suspended2"])("answers %j with the generic error", (code) => {
    expect(signInErrorMessage(code)).toEqual({ key: "errors.generic" });
  });
});
