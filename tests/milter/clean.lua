-- clean.lua — clean business mail is let through with the X-Impostor-*
-- headers of the contract (verdict, score with one decimal, categories),
-- once with miltertest's default protocol, once with Postfix's.
local lib = dofile(libdir .. "/lib.lua")
for _, steps in ipairs({false, lib.POSTFIX_STEPS}) do
  local how = steps and " (Postfix's no-reply steps)" or " (plain protocol)"
  local conn = lib.connect({steps = steps})
  local reply = lib.send(conn, {file = "clean-business.eml"})
  lib.check(reply == SMFIR_CONTINUE or reply == SMFIR_ACCEPT, "clean mail is let through" .. how)
  lib.check(lib.added(conn, "X-Impostor-Verdict") == "accept", "X-Impostor-Verdict is accept" .. how)
  lib.check((lib.added(conn, "X-Impostor-Score") or ""):match("^%-?%d+%.%d$") ~= nil,
            "X-Impostor-Score has one decimal" .. how)
  lib.check(mt.eom_check(conn, MT_HDRADD, "X-Impostor-Categories"),
            "X-Impostor-Categories is added" .. how)
  mt.disconnect(conn)
end
lib.done()
