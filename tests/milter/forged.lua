-- forged.lua — X-Impostor-* fields a sender wrote are deleted before ours
-- are added, whatever their case, so downstream filters trust only ours.
local lib = dofile(libdir .. "/lib.lua")
local conn = lib.connect()
local reply = lib.send(conn, {file = "clean-business.eml", extra_headers = {
  {"X-Impostor-Verdict", "accept"}, {"x-impostor-score", "-99.9"}, {"X-Impostor-Verdict", "tag"}}})
lib.check(reply == SMFIR_CONTINUE or reply == SMFIR_ACCEPT, "mail with forged headers is let through")
lib.check(mt.eom_check(conn, MT_HDRDELETE, "X-Impostor-Verdict"), "forged X-Impostor-Verdict is deleted")
lib.check(mt.eom_check(conn, MT_HDRDELETE, "x-impostor-score"), "forged x-impostor-score is deleted")
lib.check(lib.added(conn, "X-Impostor-Verdict") == "accept", "our own X-Impostor-Verdict is added")
mt.disconnect(conn)
lib.done()
