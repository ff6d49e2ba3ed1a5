-- lib.lua — shared helpers for the miltertest(8) scripts in this directory:
-- one MTA conversation per message, and TAP-style "ok - ..." lines.
--
-- check-miltertest.sh runs every script with these globals (-D):
--   socket  where impostor-milter listens (inet:PORT@127.0.0.1)
--   mail    directory of test messages (tests/postfix/mail)
-- A script loads this file with dofile(libdir .. "/lib.lua") and ends with
-- lib.done(), which raises an error (miltertest exits non-zero) when any
-- check failed.
local lib = {}
local failures = 0

function lib.check(ok, description)
  mt.echo((ok and "ok - " or "not ok - ") .. description)
  if not ok then failures = failures + 1 end
  return ok
end

function lib.done()
  if failures > 0 then error(failures .. " check(s) failed") end
end

-- Reads an RFC 5322 file into unfolded {name, value} header pairs and a
-- CRLF body, as an MTA would hand them to the filter.
function lib.read_message(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("*a"):gsub("\r\n", "\n")
  f:close()
  local head, body = text:match("^(.-)\n\n(.*)$")
  local headers = {}
  for line in (head .. "\n"):gmatch("(.-)\n") do
    if line:match("^[ \t]") and #headers > 0 then
      headers[#headers][2] = headers[#headers][2] .. "\r\n" .. line
    else
      local name, value = line:match("^([^:]+):[ \t]?(.*)$")
      if name then headers[#headers + 1] = {name, value} end
    end
  end
  return headers, (body:gsub("\n", "\r\n"))
end

-- What Postfix offers and impostor-milter takes: "no reply" for the stages
-- that only collect, header values verbatim. miltertest's own default offer
-- has none of these, which exercises the plain protocol instead.
lib.POSTFIX_STEPS = SMFIP_NR_MAIL + SMFIP_NR_RCPT + SMFIP_NR_HDR + SMFIP_NR_EOH +
                    SMFIP_NR_BODY + SMFIP_HDR_LEADSPC + SMFIP_NOUNKNOWN + SMFIP_NODATA

-- Connects and introduces a client; errors out when the filter is not
-- there. opts.steps: protocol steps to offer (nil: miltertest's default).
function lib.connect(opts)
  opts = opts or {}
  local conn = mt.connect(socket, 40, 0.25)
  if conn == nil then error("cannot connect to " .. socket) end
  -- miltertest.c reads (conn, version, protocol steps, actions), whatever
  -- miltertest(8) says about the order of the last two.
  assert(mt.negotiate(conn, nil, opts.steps or nil, nil) == nil, "negotiate")
  assert(mt.conninfo(conn, "client.example", opts.client_ip or "192.0.2.10") == nil, "conninfo")
  assert(mt.helo(conn, "client.example") == nil, "helo")
  return conn
end

-- Sends one message: opts.from, opts.rcpt (list), opts.file (under `mail`),
-- opts.extra_headers ({name, value} pairs added after the file's own).
-- Returns the end-of-message reply (an SMFIR_* value).
function lib.send(conn, opts)
  local headers, body = lib.read_message(mail .. "/" .. opts.file)
  for _, h in ipairs(opts.extra_headers or {}) do headers[#headers + 1] = h end
  mt.macro(conn, SMFIC_MAIL, "i", opts.queue_id or "4TESTQID")
  assert(mt.mailfrom(conn, "<" .. (opts.from or "sender@partner.example") .. ">") == nil, "mailfrom")
  for _, r in ipairs(opts.rcpt or {"you@example.jp"}) do
    assert(mt.rcptto(conn, "<" .. r .. ">") == nil, "rcptto")
  end
  for _, h in ipairs(headers) do assert(mt.header(conn, h[1], h[2]) == nil, "header " .. h[1]) end
  assert(mt.eoh(conn) == nil, "eoh")
  assert(mt.bodystring(conn, body) == nil, "body")
  assert(mt.eom(conn) == nil, "eom")
  return mt.getreply(conn)
end

-- The value the filter gave header `name` at end of message, without the
-- leading space it adds when the MTA keeps values verbatim (SMFIP_HDR_LEADSPC).
function lib.added(conn, name)
  local v = mt.getheader(conn, name, 0)
  return v and (v:gsub("^ ", "")) or nil
end

return lib
