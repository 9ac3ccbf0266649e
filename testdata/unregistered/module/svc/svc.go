// Package svc links in its internal cleanup handlers.
package svc

import _ "example.com/lint/unregistered/module/svc/internal/cleanup"
