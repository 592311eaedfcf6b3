package bot

import (
	"context"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"net"
	"time"

	"github.com/gorilla/websocket"
)

// gatewayDialer is discordgo's dialer with connections that report the
// close codes Discord sends. discordgo hides them: after the first
// connection, a fatal close only feeds its endless reconnect loop.
func (b *Bot) gatewayDialer() *websocket.Dialer {
	nd := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	// A reconnect loop discordgo started before the fatal close cannot be
	// stopped; refusing to dial keeps it from reaching Discord again.
	errDead := errors.New("the gateway closed for good; not reconnecting")
	return &websocket.Dialer{
		HandshakeTimeout: 45 * time.Second,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if b.dead.Load() {
				return nil, errDead
			}
			c, err := nd.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &closeSniffer{Conn: c, onClose: b.onGatewayClose}, nil
		},
		// wss: do the TLS handshake here so the sniffer sees plain frames.
		NetDialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if b.dead.Load() {
				return nil, errDead
			}
			c, err := nd.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			host, _, _ := net.SplitHostPort(addr)
			tc := tls.Client(c, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
			if err := tc.HandshakeContext(ctx); err != nil {
				_ = c.Close()
				return nil, err
			}
			return &closeSniffer{Conn: tc, onClose: b.onGatewayClose}, nil
		},
	}
}

// closeSniffer follows the websocket frames the server sends (unmasked, RFC
// 6455 §5.2) and reports the status code of a close frame.
type closeSniffer struct {
	net.Conn
	onClose func(code int)

	upgraded bool   // the HTTP upgrade response has been read
	tail     uint32 // its last four bytes, to find the blank line ending it
	hdr      []byte
	remain   uint64
	isClose  bool
	payload  []byte
}

func (c *closeSniffer) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.feed(p[:n])
	return n, err
}

func (c *closeSniffer) feed(p []byte) {
	for !c.upgraded && len(p) > 0 {
		c.tail = c.tail<<8 | uint32(p[0])
		p = p[1:]
		c.upgraded = c.tail == 0x0d0a0d0a // "\r\n\r\n"
	}
	for len(p) > 0 {
		if c.remain > 0 {
			k := uint64(len(p))
			if k > c.remain {
				k = c.remain
			}
			if c.isClose && len(c.payload) < 2 {
				need := 2 - len(c.payload)
				if int(k) < need {
					need = int(k)
				}
				c.payload = append(c.payload, p[:need]...)
			}
			p = p[k:]
			c.remain -= k
			if c.remain == 0 {
				c.frameDone()
			}
			continue
		}
		c.hdr = append(c.hdr, p[0])
		p = p[1:]
		if len(c.hdr) < 2 {
			continue
		}
		need := 2
		switch c.hdr[1] & 0x7f {
		case 126:
			need += 2
		case 127:
			need += 8
		}
		if c.hdr[1]&0x80 != 0 {
			need += 4
		}
		if len(c.hdr) < need {
			continue
		}
		length := uint64(c.hdr[1] & 0x7f)
		switch length {
		case 126:
			length = uint64(binary.BigEndian.Uint16(c.hdr[2:4]))
		case 127:
			length = binary.BigEndian.Uint64(c.hdr[2:10])
		}
		c.isClose = c.hdr[0]&0x0f == websocket.CloseMessage
		c.hdr = c.hdr[:0]
		c.payload = c.payload[:0]
		c.remain = length
		if length == 0 {
			c.frameDone()
		}
	}
}

func (c *closeSniffer) frameDone() {
	if !c.isClose {
		return
	}
	code := websocket.CloseNoStatusReceived
	if len(c.payload) == 2 {
		code = int(binary.BigEndian.Uint16(c.payload))
	}
	c.isClose = false
	c.onClose(code)
}
