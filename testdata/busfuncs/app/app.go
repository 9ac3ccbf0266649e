package app

import "example.com/lint/busfuncs/hub"

func Run(h *hub.Hub) {
	h.Send("UserCreated", nil) // want `^event name "UserCreated" has 1 segment`
	h.Send("user.created", nil)
}
