/**
 * The numbers behind the request rules, in one place (the domain, the expiry
 * job, the tests and the texts that mention them read them from here).
 */

/** Requests one organisation may send in any 24 hours: enough for real outreach, too few for spam. */
export const DAILY_REQUEST_LIMIT = 20;
export const DAILY_LIMIT_WINDOW_MS = 24 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** An OPEN request the receiver never answered expires this long after it was sent. */
export const REQUEST_LIFETIME_DAYS = 30;
export const REQUEST_LIFETIME_MS = REQUEST_LIFETIME_DAYS * DAY_MS;
/** The receiver is reminded once when a request has waited this long without an answer. */
export const REMINDER_AFTER_DAYS = 14;
export const REMINDER_AFTER_MS = REMINDER_AFTER_DAYS * DAY_MS;
