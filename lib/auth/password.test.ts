import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

describe("password policy", () => {
  it.each([
    ["short1!", "tooShort"],
    ["password123", "tooCommon"],
    ["Password123!", "tooCommon"],
    ["123456789012", "tooCommon"],
    ["qwertyuiop", "tooCommon"],
    ["aaaaaaaaaaaa", "tooCommon"],
    ["x".repeat(201), "tooLong"],
  ])("refuses %s (%s)", (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it("refuses a password made of the e-mail's name", () => {
    expect(passwordProblem("anna.karlsson2026", { email: "anna.karlsson@example.org" })).toBe("containsEmail");
  });

  it.each(["correct horse battery", "Medicon-Valley-1997", "лунный свет над Невой"])("accepts %s", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it("hashes with argon2id and verifies", async () => {
    const hashed = await hashPassword("correct horse battery");
    expect(hashed.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hashed, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hashed, "wrong horse battery")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});
