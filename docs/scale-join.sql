
CREATE TABLE claims AS
  SELECT * FROM read_json('claims.jsonl', format = 'newline_delimited');

CREATE TABLE counts AS
  SELECT path, line, text, subject, predicate, owner, stems,
         CAST(published AS DATE) AS published,
         CAST(interval[1] AS DOUBLE) AS lo,
         coalesce(CAST(interval[2] AS DOUBLE), 'infinity'::DOUBLE) AS hi
  FROM claims
  WHERE kind = 'count' AND subject IS NOT NULL AND published IS NOT NULL;

SELECT a.path, a.line, a.text, b.path AS other, b.text AS other_text,
       len(list_intersect(a.stems, b.stems))
         / sqrt(len(a.stems) * len(b.stems)) AS similarity
FROM counts a
JOIN counts b
  ON a.subject = b.subject
 AND b.published BETWEEN a.published - INTERVAL 2 DAY AND a.published
 AND a.path <> b.path
WHERE (a.hi < b.lo OR b.hi < a.lo)                       -- the figures disagree
  AND (a.owner IS NULL OR b.owner IS NULL OR a.owner = b.owner)
  AND (a.predicate IS NULL OR b.predicate IS NULL OR a.predicate = b.predicate)
  AND len(a.stems) > 0 AND len(b.stems) > 0
  AND len(list_intersect(a.stems, b.stems))
        / sqrt(len(a.stems) * len(b.stems)) >= 0.3      -- the sentences say the same
ORDER BY a.path, a.line;
