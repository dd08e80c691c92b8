// Package codes is the example project of cmd/i18ncheck's README: five codes of API Switch,
// whose names are their identifiers in UPPER_SNAKE_CASE.
package codes

// Code is an error code.
type Code int

// The codes, in numeric order.
const (
	// IllegalParameter: a request parameter is missing or invalid.
	IllegalParameter Code = 10001
	// TokenInvalid: the access token is missing, malformed or expired.
	TokenInvalid Code = 10101
	// AppNotFound: the app does not exist.
	AppNotFound Code = 10205
	// VolNotExists: the volume does not exist.
	VolNotExists Code = 10344
	// QuotaExceed: the operation would exceed the project's quota.
	QuotaExceed Code = 10609
)
