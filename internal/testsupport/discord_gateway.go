package testsupport

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// gateway is the fake's websocket gateway. Its state is guarded by
// Discord.mu; each connection has its own write lock because gorilla
// allows one concurrent writer.
type gateway struct {
	heartbeatMS int
	sessionID   string
	seq         int64
	log         []frame // dispatches of this session, for RESUME replay
	conn        *gwConn // the identified (or resumed) connection, nil if none
	all         map[*gwConn]bool
	intents     discordgo.Intent
	identifies  int
	resumes     int
	fatal       int // a sticky fatal close code: every new connection gets it
	closed      bool
	wg          sync.WaitGroup
}

type frame struct {
	Op   int             `json:"op"`
	Seq  int64           `json:"s,omitempty"`
	Type string          `json:"t,omitempty"`
	Data json.RawMessage `json:"d"`
}

type gwConn struct {
	ws         *websocket.Conn
	wm         sync.Mutex
	heartbeats int // heartbeats received on this connection, guarded by Discord.mu
}

func (c *gwConn) write(f frame) error {
	c.wm.Lock()
	defer c.wm.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(f)
}

func (c *gwConn) closeWith(code int, text string) {
	c.wm.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	c.wm.Unlock()
	_ = c.ws.Close()
}

const replayLimit = 1000

func (g *gateway) init() {
	// Discord's HELLO asks for about 41.25 s. A short interval made every
	// test that ran past it race discordgo's own heartbeat goroutine, which
	// reconnects when a heartbeat write meets a connection the test has just
	// closed (a discordgo data race, seen under -race on a slow machine).
	// Tests of heartbeats set their own interval.
	g.heartbeatMS = 41250
	g.all = map[*gwConn]bool{}
}

func (g *gateway) url(d *Discord) string {
	return "ws" + strings.TrimPrefix(d.URL, "http") + "/gateway"
}

// SetHeartbeatInterval sets the interval the gateway's HELLO asks for.
func (d *Discord) SetHeartbeatInterval(dt time.Duration) {
	d.mu.Lock()
	d.gw.heartbeatMS = int(dt / time.Millisecond)
	d.mu.Unlock()
}

// Connected reports whether a client is identified on the gateway now.
func (d *Discord) Connected() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.gw.conn != nil
}

// GatewayStats reports how many IDENTIFY and RESUME the gateway accepted and
// the intents of the last IDENTIFY.
func (d *Discord) GatewayStats() (identifies, resumes int, intents discordgo.Intent) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.gw.identifies, d.gw.resumes, d.gw.intents
}

// Heartbeats reports how many heartbeats (op 1) the gateway has received
// on the identified (or resumed) connection, 0 when none is. discordgo
// sends its first heartbeat as soon as a connection is open; a test that
// cuts the connection should wait for it first, because discordgo's
// heartbeat goroutine, meeting a connection already cut, reconnects at
// the same time as its reader does (a data race inside discordgo, seen
// under -race on a loaded machine). Counted per connection, so that a
// test cutting a connection again waits for the new one's.
func (d *Discord) Heartbeats() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.gw.conn == nil {
		return 0
	}
	return d.gw.conn.heartbeats
}

// DropConnection cuts the gateway connection without a close frame, as a
// network failure would: discordgo reconnects and resumes.
func (d *Discord) DropConnection() {
	d.mu.Lock()
	c := d.gw.conn
	d.gw.conn = nil
	d.notifyLocked()
	d.mu.Unlock()
	if c != nil {
		_ = c.ws.Close()
	}
}

// CloseWith closes the gateway connection with a close code. A fatal code
// (4004, 4010–4014) also ends the session and is sent again to every later
// connection, as Discord keeps refusing a client whose problem persists.
func (d *Discord) CloseWith(code int) {
	d.mu.Lock()
	c := d.gw.conn
	d.gw.conn = nil
	if fatalCode(code) {
		d.gw.fatal = code
		d.gw.sessionID = ""
	}
	d.notifyLocked()
	d.mu.Unlock()
	if c != nil {
		c.closeWith(code, closeText(code))
	}
}

func fatalCode(code int) bool { return code == 4004 || code >= 4010 && code <= 4014 }

func closeText(code int) string {
	switch code {
	case 4004:
		return "Authentication failed."
	case 4013:
		return "Invalid intent(s)."
	case 4014:
		return "Disallowed intent(s)."
	case 4009:
		return "Session timed out."
	}
	return "closed by fake"
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (g *gateway) serve(d *Discord, w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &gwConn{ws: ws}
	d.mu.Lock()
	if g.closed {
		d.mu.Unlock()
		_ = ws.Close()
		return
	}
	g.all[c] = true
	g.wg.Add(1)
	d.notifyLocked()
	hb := g.heartbeatMS
	d.mu.Unlock()
	defer g.wg.Done()
	defer func() {
		d.mu.Lock()
		delete(g.all, c)
		if g.conn == c {
			g.conn = nil
		}
		d.notifyLocked()
		d.mu.Unlock()
		_ = ws.Close()
	}()

	hello, _ := json.Marshal(map[string]any{"heartbeat_interval": hb})
	if c.write(frame{Op: 10, Data: hello}) != nil {
		return
	}
	for {
		_ = ws.SetReadDeadline(time.Now().Add(time.Duration(hb)*time.Millisecond*5 + 10*time.Second))
		_, msg, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var f struct {
			Op   int             `json:"op"`
			Data json.RawMessage `json:"d"`
		}
		if json.Unmarshal(msg, &f) != nil {
			c.closeWith(4002, "Error while decoding payload.")
			return
		}
		switch f.Op {
		case 1:
			d.mu.Lock()
			c.heartbeats++
			d.notifyLocked()
			d.mu.Unlock()
			if c.write(frame{Op: 11, Data: json.RawMessage("null")}) != nil {
				return
			}
		case 2:
			if !g.identify(d, c, f.Data) {
				return
			}
		case 6:
			if !g.resume(d, c, f.Data) {
				return
			}
		}
	}
}

func (g *gateway) identify(d *Discord, c *gwConn, data json.RawMessage) bool {
	var id struct {
		Token   string           `json:"token"`
		Intents discordgo.Intent `json:"intents"`
		Shard   *[2]int          `json:"shard"`
	}
	if json.Unmarshal(data, &id) != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	switch {
	case g.fatal != 0:
		c.closeWith(g.fatal, closeText(g.fatal))
		return false
	case id.Token != d.Token:
		c.closeWith(4004, closeText(4004))
		return false
	case id.Intents&discordgo.IntentMessageContent != 0 && !d.allowContent:
		c.closeWith(4014, closeText(4014))
		return false
	}
	g.identifies++
	g.intents = id.Intents
	g.sessionID = "session-" + d.newIDLocked()
	g.seq = 0
	g.log = nil
	g.conn = c
	ready := map[string]any{
		"v": 9, "session_id": g.sessionID, "resume_gateway_url": g.url(d),
		"user": d.botUser(), "application": map[string]any{"id": d.AppID, "flags": 0},
		"guilds": []any{map[string]any{"id": d.GuildID, "unavailable": true}},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	g.dispatchLocked(d, "READY", ready)
	return true
}

func (g *gateway) resume(d *Discord, c *gwConn, data json.RawMessage) bool {
	var p struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if json.Unmarshal(data, &p) != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if g.fatal != 0 {
		c.closeWith(g.fatal, closeText(g.fatal))
		return false
	}
	if p.Token != d.Token || p.SessionID == "" || p.SessionID != g.sessionID {
		// Invalid session, not resumable: the client must identify again.
		_ = c.write(frame{Op: 9, Data: json.RawMessage("false")})
		return true
	}
	g.resumes++
	g.conn = c
	for _, f := range g.log {
		if f.Seq > p.Seq {
			if c.write(f) != nil {
				return false
			}
		}
	}
	g.dispatchLocked(d, "RESUMED", map[string]any{})
	return true
}

// dispatchLocked sends a dispatch (op 0) to the current connection and keeps
// it for replay; with no connection it is only kept, as Discord buffers the
// events of a resumable session.
func (g *gateway) dispatchLocked(d *Discord, typ string, v any) {
	if g.sessionID == "" {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	g.seq++
	f := frame{Op: 0, Seq: g.seq, Type: typ, Data: b}
	g.log = append(g.log, f)
	if len(g.log) > replayLimit {
		g.log = g.log[len(g.log)-replayLimit:]
	}
	if g.conn != nil {
		if g.conn.write(f) != nil {
			// The client will resume and get it from the log.
			_ = g.conn.ws.Close()
			g.conn = nil
		}
	}
	d.notifyLocked()
}

// shutdownGateway closes every gateway connection and waits for their
// goroutines, so a test leaks none.
func (d *Discord) shutdownGateway() {
	d.mu.Lock()
	d.gw.closed = true
	d.gw.conn = nil
	conns := make([]*gwConn, 0, len(d.gw.all))
	for c := range d.gw.all {
		conns = append(conns, c)
	}
	d.mu.Unlock()
	for _, c := range conns {
		_ = c.ws.Close()
	}
	d.gw.wg.Wait()
}
