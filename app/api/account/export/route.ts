// GET /api/account/export - the signed-in user's own data as a JSON download (GDPR art. 15 and 20)
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";

import { exportMyData } from "@/lib/accounts/account";
import { getSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  if (!user) {
    const t = await getTranslations("errors");
    return NextResponse.json({ error: t("signedOut") }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  const data = await exportMyData({ actor: { id: user.id, email: user.email } });
  const date = data.exportedAt.slice(0, 10);
  return new NextResponse(JSON.stringify(data, null, 2), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="covalent-account-${date}.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
