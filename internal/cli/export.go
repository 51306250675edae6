package cli

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"herald/internal/store"
)

// ExportCmd exports the store in bulk.
type ExportCmd struct {
	dbFlag
	Format string `default:"jsonl" enum:"jsonl,csv,gdelt,polecat" help:"jsonl (herald/v1 per article), csv (events), gdelt (GDELT 2.0 event table), polecat."`
	All    bool   `help:"Every event modality (default: asserted events only)."`
	Since  string `help:"Events from this date (YYYY-MM-DD)."`
	Until  string `help:"Events up to this date (YYYY-MM-DD)."`
}

// Run exports to standard output.
func (c *ExportCmd) Run(e *env) error {
	st, err := openStore(e.ctx, c.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	defer w.Flush()
	if c.Format == "jsonl" {
		return exportArticles(e, st, w)
	}
	var write func(store.EventRow) []string
	var header []string
	sep := ','
	switch c.Format {
	case "gdelt":
		header, write, sep = gdeltHeader, gdeltRow, '\t'
	case "polecat":
		header, write, sep = polecatHeader, polecatRow, '\t'
	default:
		header, write = csvHeader, csvRow
	}
	cw := csv.NewWriter(w)
	cw.Comma = sep
	if err := cw.Write(header); err != nil {
		return err
	}
	f := store.EventFilter{AllModalities: c.All, Since: c.Since, Until: c.Until, Page: store.Page{Limit: 1000}}
	for {
		rows, err := st.Events(e.ctx, f)
		if err != nil {
			return queryError(err)
		}
		for _, r := range rows {
			if err := cw.Write(write(r)); err != nil {
				return err
			}
		}
		if len(rows) < f.Limit {
			break
		}
		f.After = rows[len(rows)-1].Cursor
	}
	cw.Flush()
	return cw.Error()
}

func exportArticles(e *env, st store.Store, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	after := ""
	for {
		ids, err := st.IDs(e.ctx, after, 500)
		if err != nil {
			return err
		}
		for _, id := range ids {
			a, err := st.Get(e.ctx, id)
			if err != nil {
				return err
			}
			if err := enc.Encode(a); err != nil {
				return fmt.Errorf("export: %s: %w", id, err)
			}
		}
		if len(ids) < 500 {
			return nil
		}
		after = ids[len(ids)-1]
	}
}

var csvHeader = []string{"uid", "doc_id", "date", "date_rule", "type", "mode", "cameo", "quad", "goldstein", "intensity", "modality",
	"actors", "actor_codes", "recipients", "recipient_codes", "place", "place_country", "lat", "lon", "trigger", "sentence",
	"confidence", "rule", "num_mentions", "num_articles", "num_sources", "source", "url"}

func actorNames(as []store.Actor) string {
	var s []string
	for _, a := range as {
		s = append(s, a.Name)
	}
	return strings.Join(s, "; ")
}

func codes(as []store.Actor) string {
	var s []string
	for _, a := range as {
		s = append(s, a.Code)
	}
	return strings.Join(s, "; ")
}

func fp(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', 4, 64)
}

func csvRow(r store.EventRow) []string {
	return []string{r.UID, r.DocID, r.Date, r.DateRule, r.Type, r.Mode, r.CAMEO, strconv.Itoa(r.Quad), f2(r.Goldstein), f2(r.Intensity), r.Modality,
		actorNames(r.Actors), codes(r.Actors), actorNames(r.Recipients), codes(r.Recipients), r.Place, r.PlaceCountry, fp(r.PlaceLat), fp(r.PlaceLon),
		r.Trigger, r.Sentence, f2(r.Confidence), r.Rule, strconv.Itoa(r.NumMentions), strconv.Itoa(r.NumArticles), strconv.Itoa(r.NumSources), r.Source, r.URL}
}

// gdeltHeader is the GDELT 2.0 event table's 61 columns.
var gdeltHeader = strings.Fields(`GlobalEventID Day MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL`)

func first(as []store.Actor) store.Actor {
	if len(as) > 0 {
		return as[0]
	}
	return store.Actor{}
}

func gdeltRow(r store.EventRow) []string {
	row := make([]string, len(gdeltHeader))
	day := strings.ReplaceAll(r.Date, "-", "")
	if len(day) == 8 {
		row[1], row[2], row[3] = day, day[:6], day[:4]
		if y, err := strconv.Atoi(day[:4]); err == nil {
			m, _ := strconv.Atoi(day[4:6])
			d, _ := strconv.Atoi(day[6:8])
			row[4] = strconv.FormatFloat(float64(y)+(float64(m-1)*30+float64(d))/365, 'f', 4, 64)
		}
	}
	row[0] = r.UID
	a1, a2 := first(r.Actors), first(r.Recipients)
	row[5], row[6], row[7], row[12] = a1.Code, strings.ToUpper(a1.Name), a1.Country, a1.Sector
	row[15], row[16], row[17], row[22] = a2.Code, strings.ToUpper(a2.Name), a2.Country, a2.Sector
	row[25] = "0"
	if r.CAMEO != "" {
		row[26] = r.CAMEO
		row[27] = r.CAMEO
		if len(r.CAMEO) > 3 {
			row[27] = r.CAMEO[:3]
		}
		row[28] = r.CAMEO[:2]
	}
	if r.Quad > 0 {
		row[29] = strconv.Itoa(r.Quad)
	}
	row[30] = strconv.FormatFloat(r.Goldstein, 'f', 1, 64)
	row[31], row[32], row[33] = strconv.Itoa(r.NumMentions), strconv.Itoa(r.NumSources), strconv.Itoa(r.NumArticles)
	if r.Place != "" {
		row[51] = geoType(r.PlaceFeature)
		row[52], row[53] = r.Place, r.PlaceCountry
		row[56], row[57] = fp(r.PlaceLat), fp(r.PlaceLon)
		if r.PlaceGeoNames != 0 {
			row[58] = strconv.Itoa(r.PlaceGeoNames)
		}
	}
	row[59] = strings.ReplaceAll(r.Published, "-", "")
	row[60] = r.URL
	return row
}

// geoType maps a GeoNames feature code to GDELT's geographic resolution.
func geoType(feature string) string {
	switch {
	case feature == "":
		return ""
	case strings.HasPrefix(feature, "PCL"):
		return "1"
	case feature == "ADM1":
		return "5"
	default:
		return "4"
	}
}

var polecatHeader = []string{"Event ID", "Event Date", "Event Type", "Event Mode", "Context", "Actor Name", "Actor Country", "Actor Sector",
	"Actor Title", "Recipient Name", "Recipient Country", "Recipient Sector", "Recipient Title", "Placename", "Country", "Latitude", "Longitude",
	"GeoNames ID", "Feature Type", "Source", "Publication Date", "Language", "Headline", "Story ID", "URL", "Modality", "CAMEO", "Confidence"}

func polecatRow(r store.EventRow) []string {
	a1, a2 := first(r.Actors), first(r.Recipients)
	geo := ""
	if r.PlaceGeoNames != 0 {
		geo = strconv.Itoa(r.PlaceGeoNames)
	}
	return []string{r.UID, r.Date, r.Type, r.Mode, "", actorNames(r.Actors), a1.Country, a1.Sector, a1.Title, actorNames(r.Recipients), a2.Country,
		a2.Sector, a2.Title, r.Place, r.PlaceCountry, fp(r.PlaceLat), fp(r.PlaceLon), geo, r.PlaceFeature, r.Source, r.Published,
		r.Language, r.Title, r.DocID, r.URL, r.Modality, r.CAMEO, f2(r.Confidence)}
}
