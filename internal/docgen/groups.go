package docgen

import "github.com/apiswitch/errcode/codes"

// A group is a range of code numbers documented under one heading: the hundreds of a code
// (102 for 10205) name its area, as in the original document.
type group struct {
	hundreds int               // code / 100
	titles   map[string]string // by language
}

// title returns the heading of g in lang, else in English.
func (g group) title(lang string) string {
	if t, ok := g.titles[lang]; ok {
		return t
	}
	return g.titles[english]
}

var groups = []group{
	{100, map[string]string{"zh-CN": "通用", "en-US": "General"}},
	{101, map[string]string{"zh-CN": "令牌", "en-US": "Token"}},
	{102, map[string]string{"zh-CN": "应用", "en-US": "Apps"}},
	{103, map[string]string{"zh-CN": "云硬盘与快照", "en-US": "Volumes and snapshots"}},
	{105, map[string]string{"zh-CN": "配额与项目", "en-US": "Quotas and projects"}},
	{106, map[string]string{"zh-CN": "应用编排", "en-US": "Stacks"}},
	{109, map[string]string{"zh-CN": "应用配置", "en-US": "Config maps"}},
}

// grouped returns the codes of each group, in numeric order, and the codes no group covers.
func grouped() (byGroup [][]codes.Code, rest []codes.Code) {
	byGroup = make([][]codes.Code, len(groups))
	index := make(map[int]int, len(groups))
	for i, g := range groups {
		index[g.hundreds] = i
	}
	for _, c := range codes.All() {
		if i, ok := index[int(c)/100]; ok {
			byGroup[i] = append(byGroup[i], c)
		} else {
			rest = append(rest, c)
		}
	}
	return byGroup, rest
}
